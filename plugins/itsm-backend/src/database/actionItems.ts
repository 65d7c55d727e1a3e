import { Knex } from 'knex';
import { Cursor } from './cursor';
import { isUuid } from './findRecordRow';
import { actionItemFromRow } from './mappers';
import { QueryRestriction } from './incidents';
import { fetchPage } from './paging';
import { ActionItemRow } from './tables';
import { versionedUpdate } from './versionedUpdate';

/** Parent tables by the `parent_type` of an action item. */
const PARENT_TABLES = {
  incident: 'itsm_incidents',
  problem: 'itsm_problems',
} as const;

type ParentType = keyof typeof PARENT_TABLES;

/**
 * The kinds of parent whose action items a caller may read, each with the
 * restriction of its records (all of them without one); a kind left out is
 * not readable at all.
 */
export type ReadableParents = Partial<
  Record<ParentType, { restrict?: QueryRestriction }>
>;

/** Filters of the action item list. */
export interface ActionItemFilter {
  parents: ReadableParents;
  /** The parent's uuid; its type is the only kind in `parents`. */
  parentId?: string;
  ownerRef?: string;
  status?: 'open' | 'done';
  /** Open items due before `at` (`is: true`), or every other item. */
  overdue?: { is: boolean; at: number };
}

/** Keeps the items of the parents the caller may read, in SQL. */
function whereParentReadable(
  db: Knex,
  query: Knex.QueryBuilder,
  parents: ReadableParents,
): void {
  const kinds = (Object.keys(PARENT_TABLES) as ParentType[]).filter(
    kind => parents[kind],
  );
  if (kinds.length === 0) {
    query.whereRaw('1 = 0');
    return;
  }
  const everything =
    kinds.length === Object.keys(PARENT_TABLES).length &&
    kinds.every(kind => !parents[kind]!.restrict);
  if (everything) {
    return;
  }
  query.where(inner => {
    for (const kind of kinds) {
      const restrict = parents[kind]!.restrict;
      inner.orWhere(sub => {
        sub.where('parent_type', kind);
        if (restrict) {
          const readable = db(PARENT_TABLES[kind]).select('id');
          restrict(readable);
          sub.whereIn('parent_id', readable);
        }
      });
    }
  });
}

/** Keeps overdue items (open, due before a time) or the others. */
function whereOverdue(
  query: Knex.QueryBuilder,
  overdue: { is: boolean; at: number },
): void {
  if (overdue.is) {
    query.where('status', 'open').where('due_at', '<', overdue.at);
  } else {
    // Spelled out rather than NOT(...): a null due date makes that NULL.
    query.where(inner =>
      inner
        .whereNot('status', 'open')
        .orWhereNull('due_at')
        .orWhere('due_at', '>=', overdue.at),
    );
  }
}

/** Lists action items newest first, one keyset page at a time. */
export async function listActionItems(
  db: Knex,
  options: { filter: ActionItemFilter; after?: Cursor; limit: number },
) {
  const { filter } = options;
  const query = db<ActionItemRow>('itsm_action_items').select('*');
  whereParentReadable(db, query, filter.parents);
  if (filter.parentId) {
    query.where({ parent_id: filter.parentId });
  }
  if (filter.ownerRef) {
    query.where({ owner_ref: filter.ownerRef });
  }
  if (filter.status) {
    query.where({ status: filter.status });
  }
  if (filter.overdue) {
    whereOverdue(query, filter.overdue);
  }
  const page = await fetchPage<ActionItemRow>(query, {
    keyColumn: 'created_at',
    after: options.after,
    limit: options.limit,
  });
  return {
    items: page.rows.map(actionItemFromRow),
    nextCursor: page.nextCursor,
  };
}

/** An action item by id; anything but a uuid is simply not found. */
export async function findActionItemRow(
  db: Knex,
  id: string,
): Promise<ActionItemRow | undefined> {
  if (!isUuid(id)) {
    return undefined;
  }
  return db<ActionItemRow>('itsm_action_items').where({ id }).first();
}

/** Inserts a new action item. */
export async function insertActionItemRow(
  tx: Knex.Transaction,
  row: ActionItemRow,
): Promise<void> {
  await tx<ActionItemRow>('itsm_action_items').insert(row);
}

/** Versioned update of an action item; false when the version is stale. */
export async function updateActionItemRow(
  tx: Knex.Transaction,
  options: { id: string; version: number; changes: Partial<ActionItemRow> },
): Promise<boolean> {
  return versionedUpdate<ActionItemRow>(tx, {
    table: 'itsm_action_items',
    where: { id: options.id },
    version: options.version,
    changes: options.changes,
  });
}
