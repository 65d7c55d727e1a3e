import { ChangeKind, ChangeList } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor, encodeCursor } from '../cursor';
import { ChangeRow, toChangeEvent } from './changeRows';

/** Which changes a list shows. */
export interface ChangeListFilter {
  entityRef?: string;
  /** Only the changes no routing rule matched. */
  unrouted?: boolean;
  kind?: ChangeKind;
}

/** One keyset page of changes, newest first. */
export async function listChanges(
  db: Knex,
  options: { filter: ChangeListFilter; after?: Cursor; limit: number },
): Promise<ChangeList> {
  const { filter, after, limit } = options;
  const query = db<ChangeRow>('itsm_changes');
  if (filter.entityRef) {
    query.where('entity_ref', filter.entityRef);
  }
  if (filter.unrouted) {
    query.whereNull('entity_ref');
  }
  if (filter.kind) {
    query.where('kind', filter.kind);
  }
  if (after) {
    query.where(inner =>
      inner
        .where('occurred_at', '<', after.key)
        .orWhere(same =>
          same.where('occurred_at', after.key).where('id', '<', after.id),
        ),
    );
  }
  const rows: ChangeRow[] = await query
    .orderBy([
      { column: 'occurred_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toChangeEvent),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ key: Number(last.occurred_at), id: last.id })
        : null,
  };
}
