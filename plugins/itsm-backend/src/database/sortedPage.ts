import { ListSort } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { isPostgres } from './dialect';
import { readWithinWindow } from './entityWindow';
import { KeysetOrder, orderAfter } from './keysetOrder';
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
  sla_due_at?: number | string;
};

const TIER_COLUMN = 'search_tier';

/** The words a page must match, where, and how PostgreSQL finds them. */
export interface PageSearch {
  target: SearchTarget;
  words: SearchWord[];
  path?: SearchPath;
  /** Entities the base query keeps the records to (see `whereWordsMatch`). */
  entityRefs?: string[];
}

/** The sort columns of each sort but relevance, and their direction. */
const ORDERS: Record<
  Exclude<ListSort, 'relevance'>,
  { columns: string[]; order: 'asc' | 'desc' }
> = {
  newest: { columns: ['created_at'], order: 'desc' },
  oldest: { columns: ['created_at'], order: 'asc' },
  priority: { columns: ['priority', 'created_at'], order: 'asc' },
  // Incidents only: `sla_due_at` holds a far future for those without a counting clock.
  due: { columns: ['sla_due_at', 'created_at'], order: 'asc' },
};

/**
 * The tiers of a relevance sort, best first: records whose number a word
 * names, then those with every word in the title, then the rest. Each adds
 * to a query without the search the conditions of its tier.
 */
function relevanceTiers(search: {
  db: Knex;
  target: SearchTarget;
  words: SearchWord[];
  path?: SearchPath;
  entityRefs?: string[];
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
        if (search.entityRefs?.length) {
          // Finds the entities' matches through the index of every word.
          whereWordsMatch(query, search);
        }
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
 * Reads up to `limit` rows of `base()` that `where` keeps, in the order.
 * Within one entity on PostgreSQL, in an order of creation (which the entity
 * index walks), the entity's next records are checked first
 * (`readWithinWindow`); the indexes answer when they do not suffice.
 */
async function readOrdered<TRow>(options: {
  db: Knex;
  base: () => Knex.QueryBuilder;
  table: string;
  search?: PageSearch;
  where: (query: Knex.QueryBuilder) => void;
  order: KeysetOrder;
  limit: number;
}): Promise<TRow[]> {
  const { db, base, table, search, where, order, limit } = options;
  const byCreation =
    order.columns.length === 1 && order.columns[0] === `${table}.created_at`;
  if (isPostgres(db) && byCreation && search?.entityRefs?.length === 1) {
    const found = await readWithinWindow<TRow>({
      db,
      table,
      base,
      where,
      order,
      limit,
    });
    if (found) {
      return found;
    }
  }
  const query = base();
  where(query);
  return orderAfter(query, order).limit(limit);
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
    const resume = after && tier === after.keys[0];
    const found = await readOrdered<TRow>({
      db,
      base,
      table,
      search,
      where,
      order: {
        columns: [`${table}.created_at`],
        idColumn: `${table}.id`,
        order: 'desc',
        keys: resume ? after.keys.slice(1) : undefined,
        id: resume ? after.id : undefined,
      },
      limit: limit + 1 - rows.length,
    });
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
    rows = await readOrdered<TRow>({
      db,
      base,
      table,
      search,
      where: query => {
        if (search) {
          whereWordsMatch(query, { db, ...search });
        }
      },
      order: {
        columns: columns.map(column),
        idColumn: column('id'),
        order,
        keys: after?.keys,
        id: after?.id,
      },
      limit: limit + 1,
    });
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
  if (sort === 'due') {
    return [Number(row.sla_due_at), created];
  }
  return [created];
}
