import { z } from 'zod';
import { entityRefText } from './fields';

/**
 * Query of `GET|PUT|DELETE /entity-follows`.
 *
 * @public
 */
export const entityFollowQuery = z
  .object({ entityRef: entityRefText })
  .strict();

/**
 * The entity whose incidents a user follows.
 *
 * @public
 */
export type EntityFollowQuery = z.input<typeof entityFollowQuery>;
