import {
  INCIDENT_STATUSES,
  LIST_SORTS,
  MAX_PAGE_LIMIT,
  DEFAULT_PAGE_LIMIT,
  PROBLEM_STATUSES,
} from '@backstage-itsm/plugin-itsm-common';
import type { z as zv3, ZodTypeAny } from 'zod/v3';

/** The zod the actions registry hands to schema builders. */
export type ActionZod = typeof zv3;

/**
 * An optional field whose value, valid or not, reaches the action. The
 * registry's own check answers "Invalid input" without naming the field;
 * the action validates with the REST API's schema instead, whose message
 * names the field and the reason, and the JSON schema an agent reads still
 * shows the type, the allowed values and the description.
 */
export function lenient<T extends ZodTypeAny>(schema: T): T {
  return schema.optional().catch(ctx => ctx.input) as unknown as T;
}

/** How an incident may be named: its number or its uuid. */
export function incidentId(z: ActionZod, what = 'The incident') {
  return z
    .string()
    .describe(
      `${what}: its number such as INC-000350 (as shown in lists and the UI) or its uuid.`,
    );
}

/** How a problem may be named: its number or its uuid. */
export function problemId(z: ActionZod) {
  return z
    .string()
    .describe(
      'The problem: its number such as PRB-000009 (as shown in lists and the UI) or its uuid.',
    );
}

/** An optional list of catalog entity refs. */
export function entityRefs(z: ActionZod, description: string) {
  return lenient(
    z
      .array(z.string())
      .describe(
        `${description} Catalog entity refs kind:namespace/name such as component:default/checkout-api; the namespace defaults to default.`,
      ),
  );
}

/** One optional catalog entity ref. */
export function entityRef(z: ActionZod, description: string) {
  return lenient(
    z
      .string()
      .describe(
        `${description} A catalog entity ref such as component:default/checkout-api.`,
      ),
  );
}

/** Filters, sort and page every incident and problem list shares. */
export function recordListFields(z: ActionZod, records: string) {
  return {
    priority: lenient(
      z
        .array(z.number().int().min(1).max(5))
        .describe(
          `Only ${records} of these priorities: 1 (critical) to 5 (planning).`,
        ),
    ),
    assigneeRef: entityRef(
      z,
      `Only ${records} assigned to this user, e.g. user:default/ben.`,
    ),
    assignee: lenient(
      z
        .enum(['me', 'none'])
        .describe(
          `"me": ${records} assigned to the caller; "none": unassigned ones. Not with assigneeRef.`,
        ),
    ),
    category: lenient(
      z.string().describe(`Only ${records} of this category, e.g. capacity.`),
    ),
    systemRef: entityRef(
      z,
      `Only ${records} of the entities that belong to this system, e.g. system:default/checkout.`,
    ),
    groupRef: entityRef(
      z,
      `Only ${records} of the entities this group owns, e.g. group:default/checkout-team.`,
    ),
    text: lenient(
      z
        .string()
        .describe(
          `Words to search for in the ${records}' number, title and text, e.g. "redis evicts"; best match first.`,
        ),
    ),
    sort: lenient(
      z
        .enum(LIST_SORTS)
        .describe(
          'Order: newest (default), oldest, priority (1 first), relevance (best word match; the default with text).',
        ),
    ),
    ...pageFields(z),
  };
}

/** `limit` and `cursor` of a page. */
export function pageFields(z: ActionZod) {
  return {
    limit: lenient(
      z
        .number()
        .int()
        .min(1)
        .max(MAX_PAGE_LIMIT)
        .describe(
          `How many items to return, 1 to ${MAX_PAGE_LIMIT}; default ${DEFAULT_PAGE_LIMIT}.`,
        ),
    ),
    cursor: lenient(
      z
        .string()
        .describe(
          'The nextCursor of the previous page, to read the next one; pass the same filters and sort.',
        ),
    ),
  };
}

/** The status filter of incidents. */
export function incidentStatuses(z: ActionZod) {
  return lenient(
    z
      .array(z.enum(INCIDENT_STATUSES))
      .describe(
        'Only incidents in these statuses. Open ones are new, in_progress and on_hold.',
      ),
  );
}

/** The status filter of problems. */
export function problemStatuses(z: ActionZod) {
  return lenient(
    z
      .array(z.enum(PROBLEM_STATUSES))
      .describe('Only problems in these statuses.'),
  );
}
