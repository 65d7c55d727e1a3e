import { InputError } from '@backstage/errors';
import { isUuid } from './findRecordRow';

/** Position after the last row of a page: its sort key and id. */
export interface Cursor {
  key: number;
  id: string;
}

/**
 * What a list's row ids look like: a `uuid`, or the row's own `sequence`
 * number (the timeline), which its cursor repeats as the key.
 */
export type CursorIdKind = 'uuid' | 'sequence';

/** Encodes a keyset position as an opaque URL-safe string. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString(
    'base64url',
  );
}

const MALFORMED = 'cursor is malformed; pass nextCursor from a page';

/**
 * Whether a cursor id has the shape of the list's ids, so a foreign cursor
 * is a 400 rather than a failed cast in the database.
 */
export function isCursorId(
  id: unknown,
  kind: CursorIdKind,
  key?: number,
): id is string {
  if (typeof id !== 'string') {
    return false;
  }
  return kind === 'uuid' ? isUuid(id) : id === String(key);
}

/**
 * Decodes a cursor from a request, or throws a 400 naming the parameter.
 * The key is a millisecond time or a row number: a safe integer, never
 * negative.
 */
export function decodeCursor(value: string, kind: CursorIdKind): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString());
  } catch {
    throw new InputError(MALFORMED);
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    Number.isSafeInteger(parsed[0]) &&
    parsed[0] >= 0 &&
    isCursorId(parsed[1], kind, parsed[0])
  ) {
    return { key: parsed[0], id: parsed[1] };
  }
  throw new InputError(MALFORMED);
}
