import { Knex } from 'knex';
import { insertUnlessTaken } from '../insertUnlessTaken';
import { ChangeRow } from './changeRows';
import { addToChangeWeek } from './changeWeeks';

/**
 * Stores a change unless its sender's key was seen before; then the row
 * stored first is returned, so a retried delivery answers the same. A
 * routed deploy counts in its entity's week in the same transaction.
 */
export async function insertChange(
  tx: Knex.Transaction,
  row: ChangeRow,
): Promise<{ row: ChangeRow; duplicate: boolean }> {
  const inserted = await insertUnlessTaken(tx, savepoint =>
    savepoint<ChangeRow>('itsm_changes').insert(row),
  );
  if (inserted !== undefined) {
    if (row.kind === 'deploy' && row.entity_ref) {
      await addToChangeWeek(tx, {
        entityRef: row.entity_ref,
        occurredAt: Number(row.occurred_at),
        deploys: 1,
        failedDeploys: 0,
      });
    }
    return { row, duplicate: false };
  }
  const first = await tx<ChangeRow>('itsm_changes')
    .where({ source: row.source, dedup_key: row.dedup_key })
    .first();
  return { row: first!, duplicate: true };
}
