import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Permission resource type of incidents.
 *
 * @public
 */
export const INCIDENT_RESOURCE_TYPE = 'itsm-incident';

/**
 * Permission resource type of problems.
 *
 * @public
 */
export const PROBLEM_RESOURCE_TYPE = 'itsm-problem';

/**
 * Allows opening incidents.
 *
 * @public
 */
export const itsmIncidentCreatePermission = createPermission({
  name: 'itsm.incident.create',
  attributes: { action: 'create' },
});

/**
 * Allows reading an incident, its timeline and postmortem.
 *
 * @public
 */
export const itsmIncidentReadPermission = createPermission({
  name: 'itsm.incident.read',
  attributes: { action: 'read' },
  resourceType: INCIDENT_RESOURCE_TYPE,
});

/**
 * Allows changing, transitioning and annotating an incident.
 *
 * @public
 */
export const itsmIncidentUpdatePermission = createPermission({
  name: 'itsm.incident.update',
  attributes: { action: 'update' },
  resourceType: INCIDENT_RESOURCE_TYPE,
});

/**
 * Allows opening problems.
 *
 * @public
 */
export const itsmProblemCreatePermission = createPermission({
  name: 'itsm.problem.create',
  attributes: { action: 'create' },
});

/**
 * Allows reading a problem and its timeline.
 *
 * @public
 */
export const itsmProblemReadPermission = createPermission({
  name: 'itsm.problem.read',
  attributes: { action: 'read' },
  resourceType: PROBLEM_RESOURCE_TYPE,
});

/**
 * Allows changing, transitioning, linking and annotating a problem.
 *
 * @public
 */
export const itsmProblemUpdatePermission = createPermission({
  name: 'itsm.problem.update',
  attributes: { action: 'update' },
  resourceType: PROBLEM_RESOURCE_TYPE,
});

/**
 * Allows alerting systems to open and update incidents through the alert endpoints.
 *
 * @public
 */
export const itsmAlertIngestPermission = createPermission({
  name: 'itsm.alert.ingest',
  attributes: { action: 'create' },
});

/**
 * Allows deploy pipelines and other senders to record change events.
 *
 * @public
 */
export const itsmChangeIngestPermission = createPermission({
  name: 'itsm.change.ingest',
  attributes: { action: 'create' },
});

/**
 * Allows reading change events, their correlation with incidents and the DORA figures.
 *
 * @public
 */
export const itsmChangeReadPermission = createPermission({
  name: 'itsm.change.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the plugin, for registration with the permissions registry.
 *
 * @public
 */
export const itsmPermissions = [
  itsmIncidentCreatePermission,
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
  itsmProblemCreatePermission,
  itsmProblemReadPermission,
  itsmProblemUpdatePermission,
  itsmAlertIngestPermission,
  itsmChangeIngestPermission,
  itsmChangeReadPermission,
];
