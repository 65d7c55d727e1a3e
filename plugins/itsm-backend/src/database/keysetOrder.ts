import { Knex } from 'knex';

/** A keyset order: the columns then id, and where the last page ended. */
export interface KeysetOrder {
  columns: string[];
  idColumn: string;
  order: 'asc' | 'desc';
  keys?: number[];
  id?: string;
}

/**
 * Orders a query by the columns then id, after the cursor's keys. The
 * row-value comparison lets both databases walk a composite index from the
 * cursor on, so deep pages cost what the first does.
 */
export function orderAfter(
  query: Knex.QueryBuilder,
  options: KeysetOrder,
): Knex.QueryBuilder {
  const { columns, idColumn, order, keys, id } = options;
  const all = [...columns, idColumn];
  if (keys && id !== undefined) {
    const marks = all.map(() => '?').join(', ');
    const columnMarks = all.map(() => '??').join(', ');
    query.whereRaw(
      `(${columnMarks}) ${order === 'desc' ? '<' : '>'} (${marks})`,
      [...all, ...keys, id],
    );
  }
  return query.orderBy(all.map(column => ({ column, order })));
}
