import { OverdueActionItem } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { DbTime } from '../tables';
import { toIso } from '../time';
import {
  AnalysisFilter,
  problemsOfScope,
  readableIncidents,
} from './analysisScope';

/** Most overdue action items listed. */
export const MAX_OVERDUE_ITEMS = 50;

/** Action items of the scope's problems and incident postmortems the caller may read. */
function actionItemsOfScope(db: Knex, filter: AnalysisFilter) {
  const query = db('itsm_action_items').where('status', 'open');
  const everything =
    filter.entityRefs === null &&
    !filter.restrictIncidents &&
    !filter.restrictProblems;
  if (!everything) {
    // A UNION of two lookups by parent, each on the parent index, instead
    // of filtering every open action item through an OR.
    query.whereIn(
      'id',
      db('itsm_action_items')
        .select('id')
        .where('parent_type', 'problem')
        .whereIn('parent_id', problemsOfScope(db, filter).select('id'))
        .union(sub =>
          sub
            .select('id')
            .from('itsm_action_items')
            .where('parent_type', 'incident')
            .whereIn('parent_id', readableIncidents(db, filter).select('id')),
        ),
    );
  }
  return query;
}

/** Open and overdue (open, due before `now`) action items, with the overdue listed. */
export async function actionItemCounts(
  db: Knex,
  filter: AnalysisFilter,
): Promise<{
  open: number;
  overdue: number;
  overdueItems: OverdueActionItem[];
}> {
  const [counts] = await actionItemsOfScope(db, filter).select(
    db.raw('COUNT(*) AS open_count'),
    db.raw('SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END) AS overdue', [
      filter.now,
    ]),
  );
  const rows: {
    id: string;
    title: string;
    parent_type: 'incident' | 'problem';
    parent_id: string;
    owner_ref: string | null;
    due_at: DbTime;
  }[] = await actionItemsOfScope(db, filter)
    .where('due_at', '<', filter.now)
    .select('id', 'title', 'parent_type', 'parent_id', 'owner_ref', 'due_at')
    .orderBy([{ column: 'due_at' }, { column: 'id' }])
    .limit(MAX_OVERDUE_ITEMS);
  return {
    open: Number(counts.open_count),
    overdue: Number(counts.overdue ?? 0),
    overdueItems: rows.map(row => ({
      id: row.id,
      title: row.title,
      parentType: row.parent_type,
      parentId: row.parent_id,
      ownerRef: row.owner_ref,
      dueAt: toIso(row.due_at),
    })),
  };
}
