import {
  HOLD_REASONS,
  INCIDENT_RESOLUTION_CODES,
  INCIDENT_STATUSES,
} from '../types';
import { LIMITS } from '../constants';
import { z } from 'zod';
import {
  clearableText,
  entityRefText,
  isoTime,
  level,
  oneOf,
  pageQuery,
  priorityList,
  queryList,
  queryValue,
  text,
  version,
} from './fields';

const category = text(LIMITS.category);

/** Body of `POST /incidents`. */
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

/** Body of `PATCH /incidents/:id`. */
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
  })
  .strict();

/** Body of `POST /incidents/:id/transitions`. */
export const incidentTransitionBody = z
  .object({
    version,
    to: oneOf(INCIDENT_STATUSES),
    holdReason: oneOf(HOLD_REASONS).optional(),
    resolutionCode: oneOf(INCIDENT_RESOLUTION_CODES).optional(),
    resolutionNotes: text(LIMITS.description).optional(),
  })
  .strict();

/** Query of `GET /incidents`. */
export const listIncidentsQuery = z
  .object({
    entityRef: queryList(entityRefText),
    ownerRef: queryList(entityRefText),
    status: queryList(oneOf(INCIDENT_STATUSES)),
    priority: priorityList,
    assigneeRef: queryValue(entityRefText),
    category: queryValue(category),
    problemId: queryValue(z.string().uuid('must be a uuid')),
    ...pageQuery,
  })
  .strict();

/** Body of `POST /incidents/:id/notes` and `/problems/:id/notes`. */
export const noteBody = z
  .object({
    body: text(LIMITS.note),
    visibility: oneOf(['internal', 'public'] as const).default('internal'),
  })
  .strict();

/** Body of `PUT /incidents/:id/postmortem`. */
export const postmortemBody = z
  .object({
    version: version.optional(),
    summary: z.string().max(LIMITS.markdown).default(''),
    impact: z.string().max(LIMITS.markdown).default(''),
    rootCause: z.string().max(LIMITS.markdown).default(''),
    lessonsLearned: z.string().max(LIMITS.markdown).default(''),
  })
  .strict();

/** Query of timeline lists. */
export const timelineQuery = z
  .object({ limit: pageQuery.limit, cursor: pageQuery.cursor })
  .strict();
