import { Knex } from 'knex';
import { Cursor } from './cursor';
import { isUuid } from './findRecordRow';
import { actionItemFromRow } from './mappers';
import { fetchPage } from './paging';
import { ActionItemRow } from './tables';
import { versionedUpdate } from './versionedUpdate';

/** Filters of the action item list. */
export interface ActionItemFilter {
  parentType?: 'incident' | 'problem';
  /** The parent's uuid; only with `parentType`. */
  parentId?: string;
  ownerRef?: string;
  status?: 'open' | 'done';
  /** Open items due before this time. */
  overdueAt?: number;
}

/** Lists action items newest first, one keyset page at a time. */
export async function listActionItems(
  db: Knex,
  options: { filter: ActionItemFilter; after?: Cursor; limit: number },
) {
  const { filter } = options;
  const query = db<ActionItemRow>('itsm_action_items').select('*');
  if (filter.parentType) {
    query.where({ parent_type: filter.parentType });
    if (filter.parentId) {
      query.where({ parent_id: filter.parentId });
    }
  }
  if (filter.ownerRef) {
    query.where({ owner_ref: filter.ownerRef });
  }
  if (filter.status) {
    query.where({ status: filter.status });
  }
  if (filter.overdueAt !== undefined) {
    query.where({ status: 'open' }).where('due_at', '<', filter.overdueAt);
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
