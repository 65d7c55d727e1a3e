import {
  PROBLEM_RESOLUTION_CODES,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  RCA_METHODS,
} from '../problemTypes';
import { LIMITS } from '../constants';
import { z } from 'zod';
import {
  checkRecordListQuery,
  clearableText,
  entityRefText,
  level,
  oneOf,
  pageQuery,
  priorityList,
  queryFlag,
  queryList,
  queryValue,
  recordListQuery,
  text,
  version,
} from './fields';

const category = text(LIMITS.category);
const affectedEntityRefs = z
  .array(entityRefText, { error: 'must be an array of entity refs' })
  .max(
    LIMITS.affectedEntityRefs,
    `must have at most ${LIMITS.affectedEntityRefs} entries`,
  );

/**
 * Body of `POST /problems`.
 *
 * @public
 */
export const createProblemBody = z
  .object({
    title: text(LIMITS.title),
    statement: text(LIMITS.description),
    entityRef: entityRefText.nullable().optional(),
    affectedEntityRefs: affectedEntityRefs.optional(),
    category,
    impact: level,
    urgency: level,
    assigneeRef: entityRefText.optional(),
  })
  .strict();

/**
 * Fields of a new problem, as a client sends them.
 *
 * @public
 */
export type CreateProblemRequest = z.input<typeof createProblemBody>;

/**
 * Body of `PATCH /problems/:id`.
 *
 * @public
 */
export const updateProblemBody = z
  .object({
    version,
    title: text(LIMITS.title).optional(),
    statement: text(LIMITS.description).optional(),
    entityRef: entityRefText.nullable().optional(),
    affectedEntityRefs: affectedEntityRefs.optional(),
    category: category.optional(),
    impact: level.optional(),
    urgency: level.optional(),
    assigneeRef: entityRefText.nullable().optional(),
    rootCause: clearableText(LIMITS.description).optional(),
    rcaMethod: oneOf(RCA_METHODS).nullable().optional(),
    workaround: clearableText(LIMITS.description).optional(),
    permanentFix: clearableText(LIMITS.description).optional(),
    symptoms: clearableText(LIMITS.description).optional(),
  })
  .strict();

/**
 * Changes to a problem; `version` guards against lost updates.
 *
 * @public
 */
export type UpdateProblemRequest = z.input<typeof updateProblemBody>;

/**
 * Body of `POST /problems/:id/transitions`.
 *
 * @public
 */
export const problemTransitionBody = z
  .object({
    version,
    to: oneOf(PROBLEM_STATUSES),
    resolutionCode: oneOf(PROBLEM_RESOLUTION_CODES).optional(),
    resolutionNotes: text(LIMITS.description).optional(),
    duplicateOf: text(64).optional(),
  })
  .strict();

/**
 * A lifecycle move of a problem, with what the target status requires.
 *
 * @public
 */
export type ProblemTransitionRequest = z.input<typeof problemTransitionBody>;

/**
 * Body of `POST /problems/:id/known-error`.
 *
 * @public
 */
export const publishKnownErrorBody = z
  .object({ version, symptoms: text(LIMITS.description).optional() })
  .strict();

/**
 * Publishing a problem as a known error.
 *
 * @public
 */
export type PublishKnownErrorRequest = z.input<typeof publishKnownErrorBody>;

/**
 * Body of `POST /problems/:id/incidents/:incidentId`.
 *
 * @public
 */
export const linkIncidentBody = z
  .object({
    holdIncident: z.boolean({ error: 'must be a boolean' }).default(false),
    /** Takes the incident from the problem that holds it, instead of a 409. */
    move: z.boolean({ error: 'must be a boolean' }).default(false),
  })
  .strict();

/**
 * Linking an incident to a problem.
 *
 * @public
 */
export type LinkIncidentRequest = z.input<typeof linkIncidentBody>;

/**
 * Body of `POST /incidents/:id/problem`.
 *
 * @public
 */
export const problemFromIncidentBody = z
  .object({
    title: text(LIMITS.title).optional(),
    statement: text(LIMITS.description).optional(),
    holdIncident: z.boolean({ error: 'must be a boolean' }).default(false),
  })
  .strict();

/**
 * Opening a problem from an incident.
 *
 * @public
 */
export type ProblemFromIncidentRequest = z.input<
  typeof problemFromIncidentBody
>;

/**
 * Query of `GET /problems`.
 *
 * @public
 */
export const listProblemsQuery = z
  .object({
    entityRef: queryList(entityRefText),
    affectedEntityRef: queryList(entityRefText),
    status: queryList(oneOf(PROBLEM_STATUSES)),
    priority: priorityList,
    assigneeRef: queryValue(entityRefText),
    category: queryValue(category),
    knownError: queryFlag,
    source: queryValue(oneOf(PROBLEM_SOURCES)),
    ...recordListQuery,
    ...pageQuery,
  })
  .strict()
  .superRefine(checkRecordListQuery);

/**
 * Filters and page of the problem list, as a client sends them.
 *
 * @public
 */
export type ProblemListQuery = z.input<typeof listProblemsQuery>;

/**
 * Query of `GET /known-errors`: entity matches root cause or affected.
 *
 * @public
 */
export const listKnownErrorsQuery = z
  .object({
    entityRef: queryList(entityRefText),
    ...pageQuery,
  })
  .strict();

/**
 * Filters and page of the known error database, as a client sends them.
 *
 * @public
 */
export type KnownErrorListQuery = z.input<typeof listKnownErrorsQuery>;
