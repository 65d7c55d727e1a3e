import { z } from 'zod';
import { entityRefText } from './fields';

/**
 * Query of `GET /entity-summary`.
 *
 * @public
 */
export const entitySummaryQuery = z
  .object({ entityRef: entityRefText })
  .strict();

/**
 * The entity whose incident and problem summary a client asks for.
 *
 * @public
 */
export type EntitySummaryQuery = z.input<typeof entitySummaryQuery>;
