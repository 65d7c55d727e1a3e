import { InputError } from '@backstage/errors';

/** Position after the last row of a page: its sort key and id. */
export interface Cursor {
  key: number;
  id: string;
}

/** Encodes a keyset position as an opaque URL-safe string. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString(
    'base64url',
  );
}

/** Decodes a cursor from a request, or throws a 400 naming the parameter. */
export function decodeCursor(value: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString());
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      Number.isSafeInteger(parsed[0]) &&
      typeof parsed[1] === 'string'
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // reported below
  }
  throw new InputError('cursor is malformed; pass nextCursor from a page');
}
