import type { ZodTypeAny } from 'zod/v3';
import { ActionZod } from './actionFields';

/**
 * A record for an output schema that lists its main fields and keeps the
 * others: the record types are interfaces, which carry no index signature.
 */
export function asOutput<T extends object>(
  value: T,
): T & Record<string, unknown> {
  return value as T & Record<string, unknown>;
}

/** A page of records for {@link pageOutput}; see {@link asOutput}. */
export function pageAsOutput<T extends object>(page: {
  items: T[];
  nextCursor: string | null;
}) {
  return { items: page.items.map(asOutput), nextCursor: page.nextCursor };
}

/** An incident as the REST API returns it; the main fields described. */
export function incidentOutput(z: ActionZod) {
  return z
    .object({
      id: z.string().describe('The uuid.'),
      number: z.string().describe('The human reference, e.g. INC-000350.'),
      title: z.string(),
      description: z.string(),
      entityRef: z.string().describe('The affected catalog entity.'),
      ownerRef: z.string().nullable(),
      status: z
        .string()
        .describe('new, in_progress, on_hold, resolved, closed or cancelled.'),
      priority: z.number().describe('1 (critical) to 5 (planning).'),
      impact: z.number(),
      urgency: z.number(),
      assigneeRef: z.string().nullable(),
      problemId: z
        .string()
        .nullable()
        .describe('The uuid of the linked problem, if any.'),
      version: z
        .number()
        .describe(
          'Send it back as version when changing the incident; a stale one is refused.',
        ),
    })
    .passthrough();
}

/** A problem as the REST API returns it; the main fields described. */
export function problemOutput(z: ActionZod) {
  return z
    .object({
      id: z.string().describe('The uuid.'),
      number: z.string().describe('The human reference, e.g. PRB-000009.'),
      title: z.string(),
      statement: z.string(),
      entityRef: z
        .string()
        .nullable()
        .describe('The entity where the root cause lies.'),
      affectedEntityRefs: z.array(z.string()),
      status: z.string(),
      priority: z.number(),
      rootCause: z.string().nullable(),
      workaround: z
        .string()
        .nullable()
        .describe('What to do until the permanent fix is in.'),
      knownError: z
        .boolean()
        .describe('Whether it is published as a known error.'),
      symptoms: z
        .string()
        .nullable()
        .describe('How the known error shows itself.'),
      version: z.number(),
    })
    .passthrough();
}

/** One page of a list. */
export function pageOutput<T extends ZodTypeAny>(z: ActionZod, item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as cursor to read the next page; null on the last.'),
  });
}

/** A timeline entry. */
export function timelineEventOutput(z: ActionZod) {
  return z
    .object({
      id: z.string(),
      kind: z
        .string()
        .describe(
          'created, field_changed, transition, note (internal), status_update (public), linked, ...',
        ),
      field: z.string().nullable(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      body: z.string().nullable(),
      actorRef: z.string().describe('Who did it.'),
      createdAt: z.string(),
    })
    .passthrough();
}
