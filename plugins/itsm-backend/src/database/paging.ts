import { Knex } from 'knex';
import { Cursor, encodeCursor } from './cursor';

/**
 * Restricts a query to rows after the cursor in `(column DESC, id DESC)`
 * order. The row-value comparison lets both databases walk the composite
 * index instead of filtering, so deep pages cost the same as the first.
 */
export function afterCursor(
  query: Knex.QueryBuilder,
  options: { column: string; idColumn: string; cursor?: Cursor },
): Knex.QueryBuilder {
  const { column, idColumn, cursor } = options;
  if (cursor) {
    query.whereRaw(`(??, ??) < (?, ?)`, [
      column,
      idColumn,
      cursor.key,
      cursor.id,
    ]);
  }
  return query.orderBy([
    { column, order: 'desc' },
    { column: idColumn, order: 'desc' },
  ]);
}

/** Splits `limit + 1` fetched rows into a page and the next cursor. */
export function toPage<TRow, TItem>(
  rows: TRow[],
  options: {
    limit: number;
    keyOf: (row: TRow) => Cursor;
    map: (row: TRow) => TItem;
  },
): { items: TItem[]; nextCursor: string | null } {
  const { limit, keyOf, map } = options;
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * Fetches one page of a query, newest first by `keyColumn` then id, after
 * the cursor; `table` qualifies the columns where the query joins.
 */
export async function fetchPage<TRow extends { id: string }>(
  query: Knex.QueryBuilder,
  options: {
    keyColumn: keyof TRow & string;
    table?: string;
    after?: Cursor;
    limit: number;
  },
): Promise<{ rows: TRow[]; nextCursor: string | null }> {
  const { keyColumn, table, limit } = options;
  const qualified = (column: string) => (table ? `${table}.${column}` : column);
  afterCursor(query, {
    column: qualified(keyColumn),
    idColumn: qualified('id'),
    cursor: options.after,
  });
  const fetched: TRow[] = await query.limit(limit + 1);
  const page = toPage(fetched, {
    limit,
    keyOf: row => ({ key: Number(row[keyColumn]), id: row.id }),
    map: row => row,
  });
  return { rows: page.items, nextCursor: page.nextCursor };
}
