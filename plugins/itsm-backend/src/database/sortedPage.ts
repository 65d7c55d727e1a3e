import { ListSort } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { ListCursor, encodeListCursor } from './listCursor';
import {
  SearchPath,
  SearchTarget,
  SearchWord,
  numbersIn,
  whereTitleHasWords,
  whereWordsMatch,
} from './wordSearch';

type SortedRow = {
  id: string;
  created_at: number | string;
  priority: number | string;
  search_tier?: number | string;
};

const TIER_COLUMN = 'search_tier';

/** The words a page must match, where, and how PostgreSQL finds them. */
export interface PageSearch {
  target: SearchTarget;
  words: SearchWord[];
  path: SearchPath;
}

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
 * to a query without the search the conditions of its tier.
 */
function relevanceTiers(search: {
  db: Knex;
  target: SearchTarget;
  words: SearchWord[];
  path: SearchPath;
}): { tier: number; where: (query: Knex.QueryBuilder) => void }[] {
  const { target, words } = search;
  const numbers = numbersIn(words);
  const named = {
    tier: 2,
    where: (query: Knex.QueryBuilder) => {
      whereWordsMatch(query, search);
      query.whereIn(target.number, numbers);
    },
  };
  if (words.some(word => word.kind === 'reference')) {
    return [named];
  }
  const notNamed = (query: Knex.QueryBuilder) => {
    if (numbers.length > 0) {
      query.whereNotIn(target.number, numbers);
    }
  };
  return [
    ...(numbers.length > 0 ? [named] : []),
    {
      tier: 1,
      where: query => {
        whereTitleHasWords(query, search);
        notNamed(query);
      },
    },
    {
      tier: 0,
      where: query => {
        whereWordsMatch(query, search);
        whereTitleHasWords(query, { ...search, negate: true });
        notNamed(query);
      },
    },
  ];
}

/**
 * Reads a relevance page tier by tier, each newest first, and stops when the
 * page is full: a common word fills it from the best tier with a few index
 * reads, without ranking every match.
 */
async function fetchRelevancePage<TRow extends SortedRow>(options: {
  db: Knex;
  base: () => Knex.QueryBuilder;
  table: string;
  search: PageSearch;
  after?: ListCursor;
  limit: number;
}): Promise<TRow[]> {
  const { db, base, table, search, after, limit } = options;
  const rows: TRow[] = [];
  for (const { tier, where } of relevanceTiers({ db, ...search })) {
    if (rows.length > limit) {
      break;
    }
    if (after && tier > after.keys[0]) {
      continue;
    }
    const query = base();
    where(query);
    const resume = after && tier === after.keys[0];
    const found: TRow[] = await orderAfter(query, {
      columns: [`${table}.created_at`],
      idColumn: `${table}.id`,
      order: 'desc',
      keys: resume ? after.keys.slice(1) : undefined,
      id: resume ? after.id : undefined,
    }).limit(limit + 1 - rows.length);
    rows.push(...found.map(row => ({ ...row, [TIER_COLUMN]: tier })));
  }
  return rows;
}

/**
 * Fetches one page of `base()` (filtered but for the words, restricted,
 * with its columns selected) in the given sort, after the cursor.
 */
export async function fetchSortedPage<TRow extends SortedRow>(options: {
  db: Knex;
  base: () => Knex.QueryBuilder;
  /** Qualifies column names where the base query joins. */
  table: string;
  sort: ListSort;
  search?: PageSearch;
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
    rows = await fetchRelevancePage<TRow>({
      db,
      base,
      table,
      search,
      after,
      limit,
    });
  } else {
    const { columns, order } = ORDERS[sort];
    const query = base();
    if (search) {
      whereWordsMatch(query, { db, ...search });
    }
    rows = await orderAfter(query, {
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
