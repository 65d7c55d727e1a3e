import { DEFAULT_PAGE_LIMIT } from '@backstage-itsm/plugin-itsm-common';
import { Cursor, decodeCursor } from '../database/cursor';

/** Turns validated `limit` and `cursor` query values into store options. */
export function pageOptions(query: { limit?: number; cursor?: string }): {
  limit: number;
  after?: Cursor;
} {
  return {
    limit: query.limit ?? DEFAULT_PAGE_LIMIT,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  };
}
