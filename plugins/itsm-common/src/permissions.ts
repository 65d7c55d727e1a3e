import { createPermission } from '@backstage/plugin-permission-common';

/** Permission resource type of incidents. */
export const INCIDENT_RESOURCE_TYPE = 'itsm-incident';

/** Permission resource type of problems. */
export const PROBLEM_RESOURCE_TYPE = 'itsm-problem';

/** Allows opening incidents. */
export const itsmIncidentCreatePermission = createPermission({
  name: 'itsm.incident.create',
  attributes: { action: 'create' },
});

/** Allows reading an incident, its timeline and postmortem. */
export const itsmIncidentReadPermission = createPermission({
  name: 'itsm.incident.read',
  attributes: { action: 'read' },
  resourceType: INCIDENT_RESOURCE_TYPE,
});

/** Allows changing, transitioning and annotating an incident. */
export const itsmIncidentUpdatePermission = createPermission({
  name: 'itsm.incident.update',
  attributes: { action: 'update' },
  resourceType: INCIDENT_RESOURCE_TYPE,
});

/** Allows opening problems. */
export const itsmProblemCreatePermission = createPermission({
  name: 'itsm.problem.create',
  attributes: { action: 'create' },
});

/** Allows reading a problem and its timeline. */
export const itsmProblemReadPermission = createPermission({
  name: 'itsm.problem.read',
  attributes: { action: 'read' },
  resourceType: PROBLEM_RESOURCE_TYPE,
});

/** Allows changing, transitioning, linking and annotating a problem. */
export const itsmProblemUpdatePermission = createPermission({
  name: 'itsm.problem.update',
  attributes: { action: 'update' },
  resourceType: PROBLEM_RESOURCE_TYPE,
});

/** Allows alerting systems to open and update incidents through the alert endpoints. */
export const itsmAlertIngestPermission = createPermission({
  name: 'itsm.alert.ingest',
  attributes: { action: 'create' },
});

/** Every permission of the plugin, for registration with the permissions registry. */
export const itsmPermissions = [
  itsmIncidentCreatePermission,
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
  itsmProblemCreatePermission,
  itsmProblemReadPermission,
  itsmProblemUpdatePermission,
  itsmAlertIngestPermission,
];
