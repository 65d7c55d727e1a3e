import { z } from 'zod';
import { entityRefText } from './fields';

/** Query of `GET /entity-summary`. */
export const entitySummaryQuery = z
  .object({ entityRef: entityRefText })
  .strict();
