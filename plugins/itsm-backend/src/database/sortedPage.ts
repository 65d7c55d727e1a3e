import { ListSort } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { ListCursor, encodeListCursor } from './listCursor';
import {
  SearchTarget,
  SearchWord,
  numbersIn,
  whereTitleHasWords,
} from './wordSearch';

type SortedRow = {
  id: string;
  created_at: number | string;
  priority: number | string;
  search_tier?: number | string;
};

const TIER_COLUMN = 'search_tier';

/** The sort columns of each sort but relevance, and their direction. */
const ORDERS: Record<
  Exclude<ListSort, 'relevance'>,
  { columns: string[]; order: 'asc' | 'desc' }
> = {
  newest: { columns: ['created_at'], order: 'desc' },
  oldest: { columns: ['created_at'], order: 'asc' },
  priority: { columns: ['priority', 'created_at'], order: 'asc' },
};

/**
 * Orders a query by the columns then id, after the cursor's keys. The
 * row-value comparison lets both databases walk a composite index from the
 * cursor on, so deep pages cost what the first does.
 */
function orderAfter(
  query: Knex.QueryBuilder,
  options: {
    columns: string[];
    idColumn: string;
    order: 'asc' | 'desc';
    keys?: number[];
    id?: string;
  },
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

/**
 * The tiers of a relevance sort, best first: records whose number a word
 * names, then those with every word in the title, then the rest. Each adds
 * its condition to a query that already matches every word.
 */
function relevanceTiers(options: {
  db: Knex;
  target: SearchTarget;
  words: SearchWord[];
}): { tier: number; where: (query: Knex.QueryBuilder) => void }[] {
  const { target } = options;
  const numbers = numbersIn(options.words);
  const notNamed = (query: Knex.QueryBuilder) => {
    if (numbers.length > 0) {
      query.whereNotIn(target.number, numbers);
    }
  };
  const tiers = [
    {
      tier: 1,
      where: (query: Knex.QueryBuilder) => {
        whereTitleHasWords(query, options);
        notNamed(query);
      },
    },
    {
      tier: 0,
      where: (query: Knex.QueryBuilder) => {
        whereTitleHasWords(query, { ...options, negate: true });
        notNamed(query);
      },
    },
  ];
  return numbers.length > 0
    ? [
        {
          tier: 2,
          where: query => {
            query.whereIn(target.number, numbers);
          },
        },
        ...tiers,
      ]
    : tiers;
}

/**
 * Fetches one page of `base()` (filtered, restricted, with its columns
 * selected) in the given sort, after the cursor. Relevance pages read each
 * tier newest first with its own limit and merge them, so a common word
 * costs a few index reads instead of ranking every match.
 */
export async function fetchSortedPage<TRow extends SortedRow>(options: {
  db: Knex;
  base: () => Knex.QueryBuilder;
  /** Qualifies column names where the base query joins. */
  table: string;
  sort: ListSort;
  search?: { target: SearchTarget; words: SearchWord[] };
  after?: ListCursor;
  limit: number;
}): Promise<{ rows: TRow[]; nextCursor: string | null }> {
  const { db, base, table, sort, search, after, limit } = options;
  const column = (name: string) => `${table}.${name}`;
  let rows: TRow[];
  if (sort === 'relevance') {
    if (!search) {
      throw new Error('a relevance sort needs search words');
    }
    const parts = relevanceTiers({ db, ...search })
      .filter(({ tier }) => !after || tier <= after.keys[0])
      .map(({ tier, where }) => {
        const query = base().select(db.raw(`? as ${TIER_COLUMN}`, [tier]));
        where(query);
        const resume = after && tier === after.keys[0];
        return orderAfter(query, {
          columns: [column('created_at')],
          idColumn: column('id'),
          order: 'desc',
          keys: resume ? after.keys.slice(1) : undefined,
          id: resume ? after.id : undefined,
        }).limit(limit + 1);
      });
    if (parts.length === 0) {
      return { rows: [], nextCursor: null };
    }
    const union = parts
      .map((_, i) => `select * from ? as tier${i}`)
      .join(' union all ');
    rows = await db
      .select('*')
      .from(db.raw(`(${union}) as ranked`, parts))
      .orderBy([
        { column: TIER_COLUMN, order: 'desc' },
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit + 1);
  } else {
    const { columns, order } = ORDERS[sort];
    rows = await orderAfter(base(), {
      columns: columns.map(column),
      idColumn: column('id'),
      order,
      keys: after?.keys,
      id: after?.id,
    }).limit(limit + 1);
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor:
      rows.length > limit && last
        ? encodeListCursor({ sort, keys: keysOf(sort, last), id: last.id })
        : null,
  };
}

function keysOf(sort: ListSort, row: SortedRow): number[] {
  const created = Number(row.created_at);
  if (sort === 'priority') {
    return [Number(row.priority), created];
  }
  if (sort === 'relevance') {
    return [Number(row[TIER_COLUMN]), created];
  }
  return [created];
}
