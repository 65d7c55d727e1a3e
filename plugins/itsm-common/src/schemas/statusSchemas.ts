import { z } from 'zod';
import { entityRefText } from './fields';

/**
 * Query of `GET /entities/upstream-incidents`.
 *
 * @public
 */
export const upstreamIncidentsQuery = z
  .object({ entityRef: entityRefText })
  .strict();

/**
 * The entity whose upstream incidents a client asks for.
 *
 * @public
 */
export type UpstreamIncidentsQuery = z.input<typeof upstreamIncidentsQuery>;
