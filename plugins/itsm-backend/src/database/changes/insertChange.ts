import { Knex } from 'knex';
import { insertUnlessTaken } from '../insertUnlessTaken';
import { ChangeRow } from './changeRows';

/**
 * Stores a change unless its sender's key was seen before; then the row
 * stored first is returned, so a retried delivery answers the same.
 */
export async function insertChange(
  tx: Knex.Transaction,
  row: ChangeRow,
): Promise<{ row: ChangeRow; duplicate: boolean }> {
  const inserted = await insertUnlessTaken(tx, savepoint =>
    savepoint<ChangeRow>('itsm_changes').insert(row),
  );
  if (inserted !== undefined) {
    return { row, duplicate: false };
  }
  const first = await tx<ChangeRow>('itsm_changes')
    .where({ source: row.source, dedup_key: row.dedup_key })
    .first();
  return { row: first!, duplicate: true };
}
