import {
  HOLD_REASONS,
  INCIDENT_RESOLUTION_CODES,
  INCIDENT_STATUSES,
} from '../types';
import { INCIDENT_SOURCE_FILTERS, LIMITS } from '../constants';
import { z } from 'zod';
import {
  checkRecordListQuery,
  clearableText,
  entityRefText,
  isoTime,
  level,
  oneOf,
  pageQuery,
  priorityList,
  queryList,
  queryValue,
  recordListQuery,
  text,
  version,
} from './fields';

const category = text(LIMITS.category);

/**
 * Body of `POST /incidents`.
 *
 * @public
 */
export const createIncidentBody = z
  .object({
    title: text(LIMITS.title),
    description: text(LIMITS.description),
    entityRef: entityRefText,
    category,
    impact: level,
    urgency: level,
    major: z.boolean({ error: 'must be a boolean' }).optional(),
    assigneeRef: entityRefText.optional(),
    workaround: text(LIMITS.description).optional(),
    detectedAt: isoTime.optional(),
  })
  .strict();

/**
 * Fields of a new incident, as a client sends them.
 *
 * @public
 */
export type CreateIncidentRequest = z.input<typeof createIncidentBody>;

/**
 * Body of `PATCH /incidents/:id`.
 *
 * @public
 */
export const updateIncidentBody = z
  .object({
    version,
    title: text(LIMITS.title).optional(),
    description: text(LIMITS.description).optional(),
    entityRef: entityRefText.optional(),
    category: category.optional(),
    impact: level.optional(),
    urgency: level.optional(),
    major: z.boolean({ error: 'must be a boolean' }).optional(),
    assigneeRef: entityRefText.nullable().optional(),
    workaround: clearableText(LIMITS.description).optional(),
    /** Why impact or urgency change; the timeline keeps it with the change. */
    reason: text(LIMITS.reason).optional(),
  })
  .strict();

/**
 * Changes to an incident; `version` guards against lost updates.
 *
 * @public
 */
export type UpdateIncidentRequest = z.input<typeof updateIncidentBody>;

/**
 * Body of `POST /incidents/:id/transitions`.
 *
 * @public
 */
export const incidentTransitionBody = z
  .object({
    version,
    to: oneOf(INCIDENT_STATUSES),
    holdReason: oneOf(HOLD_REASONS).optional(),
    resolutionCode: oneOf(INCIDENT_RESOLUTION_CODES).optional(),
    resolutionNotes: text(LIMITS.description).optional(),
    /** With resolutionCode `duplicate`: the original, by uuid or number. */
    duplicateOf: text(64).optional(),
  })
  .strict();

/**
 * A lifecycle move of an incident, with what the target status requires.
 *
 * @public
 */
export type IncidentTransitionRequest = z.input<typeof incidentTransitionBody>;

/**
 * Query of `GET /incidents`.
 *
 * @public
 */
export const listIncidentsQuery = z
  .object({
    entityRef: queryList(entityRefText),
    /** Incidents on the entity or affecting it besides their own. */
    affectingEntityRef: queryList(entityRefText),
    ownerRef: queryList(entityRefText),
    status: queryList(oneOf(INCIDENT_STATUSES)),
    priority: priorityList,
    assigneeRef: queryValue(entityRefText),
    category: queryValue(category),
    problemId: queryValue(z.string().uuid('must be a uuid')),
    source: queryList(oneOf(INCIDENT_SOURCE_FILTERS)),
    ...recordListQuery,
    ...pageQuery,
  })
  .strict()
  .superRefine(checkRecordListQuery);

/**
 * Filters and page of the incident list, as a client sends them.
 *
 * @public
 */
export type IncidentListQuery = z.input<typeof listIncidentsQuery>;

/**
 * Body of `POST /incidents/:id/notes` and `/problems/:id/notes`.
 *
 * @public
 */
export const noteBody = z
  .object({
    body: text(LIMITS.note),
    visibility: oneOf(['internal', 'public'] as const).default('internal'),
  })
  .strict();

/**
 * A timeline note: internal to responders, or a public status update.
 *
 * @public
 */
export type NoteRequest = z.input<typeof noteBody>;

/**
 * Body of `PUT /incidents/:id/postmortem`.
 *
 * @public
 */
export const postmortemBody = z
  .object({
    version: version.optional(),
    summary: z.string().max(LIMITS.markdown).default(''),
    impact: z.string().max(LIMITS.markdown).default(''),
    rootCause: z.string().max(LIMITS.markdown).default(''),
    lessonsLearned: z.string().max(LIMITS.markdown).default(''),
  })
  .strict();

/**
 * The editable sections of a postmortem, in markdown.
 *
 * @public
 */
export type PostmortemRequest = z.input<typeof postmortemBody>;

/**
 * Query of timeline lists.
 *
 * @public
 */
export const timelineQuery = z
  .object({ limit: pageQuery.limit, cursor: pageQuery.cursor })
  .strict();

/**
 * Page of a timeline, as a client asks for it.
 *
 * @public
 */
export type TimelineQuery = z.input<typeof timelineQuery>;
