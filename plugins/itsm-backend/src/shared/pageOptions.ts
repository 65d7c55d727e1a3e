import {
  DEFAULT_PAGE_LIMIT,
  ListSort,
} from '@backstage-itsm/plugin-itsm-common';
import { Cursor, CursorIdKind, decodeCursor } from '../database/cursor';
import { ListCursor, decodeListCursor } from '../database/listCursor';

/**
 * Turns validated `limit` and `cursor` query values into store options; the
 * cursor's id must look like the list's ids (uuids unless told otherwise).
 */
export function pageOptions(
  query: { limit?: number; cursor?: string },
  idKind: CursorIdKind = 'uuid',
): {
  limit: number;
  after?: Cursor;
} {
  return {
    limit: query.limit ?? DEFAULT_PAGE_LIMIT,
    after: query.cursor ? decodeCursor(query.cursor, idKind) : undefined,
  };
}

/**
 * Sort and page of an incident or problem list (see {@link sortOrDefault});
 * a cursor must come from a page in the same sort.
 */
export function listPageOptions(query: {
  sort?: ListSort;
  text?: string;
  limit?: number;
  cursor?: string;
}): { sort: ListSort; limit: number; after?: ListCursor } {
  const sort = sortOrDefault(query.sort, query.text);
  return {
    sort,
    limit: query.limit ?? DEFAULT_PAGE_LIMIT,
    after: query.cursor ? decodeListCursor(query.cursor, sort) : undefined,
  };
}

/** The sort asked for, else best match first when words are searched, else newest first. */
export function sortOrDefault(sort: ListSort | undefined, text?: string) {
  return sort ?? (text ? 'relevance' : 'newest');
}
