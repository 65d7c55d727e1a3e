import { Knex } from 'knex';

/** An open action item past its due time, with the number of its record. */
export interface OverdueActionItem {
  id: string;
  title: string;
  ownerRef: string;
  dueAt: number;
  parentType: 'incident' | 'problem';
  parentNumber: number;
}

/** Open action items with an owner, due before `now`, oldest due first. */
export async function listOverdueActionItems(
  db: Knex,
  options: { now: number },
): Promise<OverdueActionItem[]> {
  const rows = await db('itsm_action_items as a')
    .leftJoin('itsm_incidents as i', q =>
      q.on('i.id', 'a.parent_id').andOnVal('a.parent_type', 'incident'),
    )
    .leftJoin('itsm_problems as p', q =>
      q.on('p.id', 'a.parent_id').andOnVal('a.parent_type', 'problem'),
    )
    .select(
      'a.id',
      'a.title',
      'a.owner_ref',
      'a.due_at',
      'a.parent_type',
      'i.number as incident_number',
      'p.number as problem_number',
    )
    .where('a.status', 'open')
    .whereNotNull('a.owner_ref')
    .where('a.due_at', '<', options.now)
    .orderBy([
      { column: 'a.due_at', order: 'asc' },
      { column: 'a.id', order: 'asc' },
    ]);
  return rows.map(row => ({
    id: row.id,
    title: row.title,
    ownerRef: row.owner_ref,
    dueAt: Number(row.due_at),
    parentType: row.parent_type,
    parentNumber: Number(row.incident_number ?? row.problem_number),
  }));
}
