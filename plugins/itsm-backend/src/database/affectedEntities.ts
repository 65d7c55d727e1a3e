import { Knex } from 'knex';
import { IncidentRow } from './tables';

/** The entities of the incidents linked to a problem, which it hurts for as long as they stay linked. */
export async function entitiesOfLinkedIncidents(
  db: Knex,
  problemId: string,
): Promise<string[]> {
  const rows: Pick<IncidentRow, 'entity_ref'>[] = await db<IncidentRow>(
    'itsm_incidents',
  )
    .where({ problem_id: problemId })
    .distinct('entity_ref')
    .orderBy('entity_ref');
  return rows.map(row => row.entity_ref);
}
