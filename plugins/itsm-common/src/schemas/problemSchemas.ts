import {
  PROBLEM_RESOLUTION_CODES,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  RCA_METHODS,
} from '../types';
import { LIMITS } from '../constants';
import { z } from 'zod';
import {
  clearableText,
  entityRefText,
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
const affectedEntityRefs = z
  .array(entityRefText, { error: 'must be an array of entity refs' })
  .max(
    LIMITS.affectedEntityRefs,
    `must have at most ${LIMITS.affectedEntityRefs} entries`,
  );

/** Body of `POST /problems`. */
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

/** Body of `PATCH /problems/:id`. */
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

/** Body of `POST /problems/:id/transitions`. */
export const problemTransitionBody = z
  .object({
    version,
    to: oneOf(PROBLEM_STATUSES),
    resolutionCode: oneOf(PROBLEM_RESOLUTION_CODES).optional(),
    resolutionNotes: text(LIMITS.description).optional(),
    duplicateOf: text(64).optional(),
  })
  .strict();

/** Body of `POST /problems/:id/known-error`. */
export const publishKnownErrorBody = z
  .object({ version, symptoms: text(LIMITS.description).optional() })
  .strict();

/** Body of `POST /problems/:id/incidents/:incidentId`. */
export const linkIncidentBody = z
  .object({
    holdIncident: z.boolean({ error: 'must be a boolean' }).default(false),
  })
  .strict();

/** Body of `POST /incidents/:id/problem`. */
export const problemFromIncidentBody = z
  .object({
    title: text(LIMITS.title).optional(),
    statement: text(LIMITS.description).optional(),
    holdIncident: z.boolean({ error: 'must be a boolean' }).default(false),
  })
  .strict();

const booleanQuery = z.enum(['true', 'false'], {
  error: () => 'must be true or false',
});

/** Query of `GET /problems`. */
export const listProblemsQuery = z
  .object({
    entityRef: queryList(entityRefText),
    affectedEntityRef: queryList(entityRefText),
    status: queryList(oneOf(PROBLEM_STATUSES)),
    priority: priorityList,
    assigneeRef: queryValue(entityRefText),
    category: queryValue(category),
    knownError: queryValue(booleanQuery),
    source: queryValue(oneOf(PROBLEM_SOURCES)),
    ...pageQuery,
  })
  .strict();

/** Query of `GET /known-errors`: entity matches root cause or affected. */
export const listKnownErrorsQuery = z
  .object({
    entityRef: queryList(entityRefText),
    ...pageQuery,
  })
  .strict();
