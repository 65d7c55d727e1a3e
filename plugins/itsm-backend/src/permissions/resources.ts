import {
  INCIDENT_RESOURCE_TYPE,
  Incident,
  PROBLEM_RESOURCE_TYPE,
  Problem,
} from '@backstage-itsm/plugin-itsm-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';

/**
 * What a rule's `toQuery` produces: a column that must hold one of the
 * values. Criteria of these become SQL filters in the list endpoints.
 */
export interface ItsmRuleQuery {
  column: 'owner_ref' | 'assignee_ref' | 'reporter_ref';
  values: string[];
}

/** Permission resource of incidents. */
export const incidentResourceRef = createPermissionResourceRef<
  Incident,
  ItsmRuleQuery
>().with({ pluginId: 'itsm', resourceType: INCIDENT_RESOURCE_TYPE });

/** Permission resource of problems. */
export const problemResourceRef = createPermissionResourceRef<
  Problem,
  ItsmRuleQuery
>().with({ pluginId: 'itsm', resourceType: PROBLEM_RESOURCE_TYPE });
