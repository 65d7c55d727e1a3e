import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { itsmPermissions } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { getIncidentsByIds } from '../database/incidents';
import { getProblemsByIds } from '../database/problems';
import {
  incidentResourceRef,
  problemResourceRef,
} from '../permissions/resources';
import { incidentRules, problemRules } from '../permissions/rules';

/** Registers the plugin's permissions and resource types. */
export function registerPermissions(options: {
  knex: Knex;
  permissionsRegistry: PermissionsRegistryService;
}) {
  const { knex, permissionsRegistry } = options;
  permissionsRegistry.addPermissions(itsmPermissions);
  permissionsRegistry.addResourceType({
    resourceRef: incidentResourceRef,
    rules: Object.values(incidentRules),
    getResources: ids => getIncidentsByIds(knex, ids),
  });
  permissionsRegistry.addResourceType({
    resourceRef: problemResourceRef,
    rules: Object.values(problemRules),
    getResources: ids => getProblemsByIds(knex, ids),
  });
}
