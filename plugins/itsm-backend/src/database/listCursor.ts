import { InputError } from '@backstage/errors';
import { LIST_SORTS, ListSort } from '@backstage-itsm/plugin-itsm-common';
import { isCursorId } from './cursor';

/**
 * Position after the last row of a sorted list page: the sort it belongs
 * to, the row's sort keys (`newest`/`oldest`: created_at; `priority`:
 * priority, created_at; `relevance`: match tier, created_at) and its id.
 */
export interface ListCursor {
  sort: ListSort;
  keys: number[];
  id: string;
}

const KEY_COUNTS: Record<ListSort, number> = {
  newest: 1,
  oldest: 1,
  priority: 2,
  relevance: 2,
  due: 2,
};

/** The largest priority the 32-bit column holds. */
const MAX_PRIORITY = 2147483647;

/**
 * Whether the keys fit their columns: times and tiers are non-negative safe
 * integers, and a priority fits the 32-bit column it is compared with.
 */
function keysFit(sort: ListSort, keys: unknown[]): keys is number[] {
  return (
    keys.length === KEY_COUNTS[sort] &&
    keys.every(key => Number.isSafeInteger(key) && (key as number) >= 0) &&
    (sort !== 'priority' || (keys[0] as number) <= MAX_PRIORITY)
  );
}

/** Encodes a list position as an opaque URL-safe string. */
export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(
    JSON.stringify([cursor.sort, ...cursor.keys, cursor.id]),
  ).toString('base64url');
}

function parse(value: string): ListCursor | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString());
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length < 2) {
    return undefined;
  }
  // Pages of the newest-first lists handed out before sorts existed.
  const [first, ...rest] =
    typeof parsed[0] === 'number' ? ['newest', ...parsed] : parsed;
  const id = rest.pop();
  const sort = LIST_SORTS.find(s => s === first);
  if (!sort || !isCursorId(id, 'uuid') || !keysFit(sort, rest)) {
    return undefined;
  }
  return { sort, keys: rest, id };
}

/**
 * Decodes a cursor of a list in the given sort, or throws a 400 naming the
 * parameter: a cursor of another sort cannot continue this one.
 */
export function decodeListCursor(value: string, sort: ListSort): ListCursor {
  const cursor = parse(value);
  if (!cursor) {
    throw new InputError('cursor is malformed; pass nextCursor from a page');
  }
  if (cursor.sort !== sort) {
    throw new InputError(
      `cursor: was issued for sort ${cursor.sort}, not ${sort}; start again without a cursor`,
    );
  }
  return cursor;
}
