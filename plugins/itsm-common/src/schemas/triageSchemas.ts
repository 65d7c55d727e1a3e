import { LIMITS } from '../constants';
import { z } from 'zod';
import { entityRefText, queryValue, text, version } from './fields';

/**
 * Query of `GET /incidents/possible-duplicates`.
 *
 * @public
 */
export const possibleDuplicatesQuery = z
  .object({
    entityRef: z.preprocess(
      value => (value === '' ? undefined : value),
      z
        .custom<unknown>(value => !Array.isArray(value), {
          message: 'must be given once',
        })
        .pipe(entityRefText),
    ),
    text: queryValue(text(LIMITS.search)),
  })
  .strict();

/**
 * The entity and the reporter's words of an incident about to be logged.
 *
 * @public
 */
export type PossibleDuplicatesQuery = z.input<typeof possibleDuplicatesQuery>;

/**
 * Body of `POST /incidents/:id/known-error`.
 *
 * @public
 */
export const confirmKnownErrorBody = z
  .object({
    version,
    /** The known error, by uuid or number (`PRB-000007`). */
    problemId: text(64),
  })
  .strict();

/**
 * "This is it": the known error that explains an incident.
 *
 * @public
 */
export type ConfirmKnownErrorRequest = z.input<typeof confirmKnownErrorBody>;
