import { Knex } from 'knex';
import { KeysetOrder, orderAfter } from './keysetOrder';

/** How many of an entity's next records a search checks before the index. */
export const WINDOW_ROWS = 1000;

const POSITION = 'window_position';

/**
 * Reads, in the keyset order, up to `limit` records of `base()` that `where`
 * keeps, checking only the next `windowRows` records of `base()` in that
 * order (one entity's: its index walked from the cursor on). Undefined when
 * the window is full and holds fewer than `limit`: then only the indexes
 * can say whether older records match.
 *
 * Within one entity this costs a few milliseconds whatever the words: an
 * entity with fewer records is read whole, and words common in a busy
 * entity fill the page from its newest records. Through the full-text index
 * instead, the last word's prefix reads every entry of every word it starts
 * across the organisation (30 to 90 ms for a word in a tenth of a million
 * records), and the matches must all be read to find the newest.
 */
export async function readWithinWindow<TRow>(options: {
  db: Knex;
  /** The table, which the window takes the name of. */
  table: string;
  base: () => Knex.QueryBuilder;
  where: (query: Knex.QueryBuilder) => void;
  order: KeysetOrder;
  limit: number;
  /** How many records to check; `WINDOW_ROWS` unless told. */
  windowRows?: number;
}): Promise<TRow[] | undefined> {
  const { db, table, base, where, order, limit } = options;
  const windowRows = options.windowRows ?? WINDOW_ROWS;
  const direction = order.order === 'desc' ? 'DESC' : 'ASC';
  const all = [...order.columns, order.idColumn];
  const window = orderAfter(base(), order)
    .select(
      db.raw(
        `row_number() OVER (ORDER BY ${all
          .map(() => `?? ${direction}`)
          .join(', ')}) AS ??`,
        [...all, POSITION],
      ),
    )
    .limit(windowRows);
  const rows: (TRow & { [POSITION]: number | string })[] = await orderAfter(
    db
      .from(window.as(table))
      .select(`${table}.*`)
      .where(inner => {
        inner.where(where).orWhere(`${table}.${POSITION}`, windowRows);
      }),
    { ...order, keys: undefined, id: undefined },
  ).limit(limit + 1);
  const matches = rows.filter(row => Number(row[POSITION]) < windowRows);
  if (matches.length < limit && matches.length < rows.length) {
    // The window was full: the record at its end may or may not match.
    return undefined;
  }
  return matches
    .slice(0, limit)
    .map(({ [POSITION]: _, ...row }) => row as TRow);
}
