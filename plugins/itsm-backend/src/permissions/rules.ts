import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { incidentResourceRef, problemResourceRef } from './resources';

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      'Entity refs of the user and the groups they belong to (ownership claims)',
    ),
});

function ownedBy<T extends { ownerRef: string | null }>(
  record: T,
  claims: string[],
) {
  return record.ownerRef !== null && claims.includes(record.ownerRef);
}

function assignedTo<T extends { assigneeRef: string | null }>(
  record: T,
  claims: string[],
) {
  return record.assigneeRef !== null && claims.includes(record.assigneeRef);
}

/** The incident's entity is owned by one of the claims. */
export const isIncidentEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description: 'Allow incidents on entities owned by the given claims',
  resourceRef: incidentResourceRef,
  paramsSchema: claimsSchema,
  apply: (incident, { claims }) => ownedBy(incident, claims),
  toQuery: ({ claims }) => ({ column: 'owner_ref', values: claims }),
});

/** The incident is assigned to one of the claims. */
export const isIncidentAssignee = createPermissionRule({
  name: 'IS_ASSIGNEE',
  description: 'Allow incidents assigned to the given claims',
  resourceRef: incidentResourceRef,
  paramsSchema: claimsSchema,
  apply: (incident, { claims }) => assignedTo(incident, claims),
  toQuery: ({ claims }) => ({ column: 'assignee_ref', values: claims }),
});

/** The incident was reported by one of the claims. */
export const isIncidentReporter = createPermissionRule({
  name: 'IS_REPORTER',
  description: 'Allow incidents reported by the given claims',
  resourceRef: incidentResourceRef,
  paramsSchema: claimsSchema,
  apply: (incident, { claims }) => claims.includes(incident.reporterRef),
  toQuery: ({ claims }) => ({ column: 'reporter_ref', values: claims }),
});

/** The problem's root-cause entity is owned by one of the claims. */
export const isProblemEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description:
    'Allow problems whose root-cause entity is owned by the given claims',
  resourceRef: problemResourceRef,
  paramsSchema: claimsSchema,
  apply: (problem, { claims }) => ownedBy(problem, claims),
  toQuery: ({ claims }) => ({ column: 'owner_ref', values: claims }),
});

/** The problem is assigned to one of the claims. */
export const isProblemAssignee = createPermissionRule({
  name: 'IS_ASSIGNEE',
  description: 'Allow problems assigned to the given claims',
  resourceRef: problemResourceRef,
  paramsSchema: claimsSchema,
  apply: (problem, { claims }) => assignedTo(problem, claims),
  toQuery: ({ claims }) => ({ column: 'assignee_ref', values: claims }),
});

/** Rules of incidents, by name. */
export const incidentRules = {
  isEntityOwner: isIncidentEntityOwner,
  isAssignee: isIncidentAssignee,
  isReporter: isIncidentReporter,
};

/** Rules of problems, by name. */
export const problemRules = {
  isEntityOwner: isProblemEntityOwner,
  isAssignee: isProblemAssignee,
};
