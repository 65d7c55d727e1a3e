import { Knex } from 'knex';
import { AlertDeliveryRow } from './tables';

/** Keeps the raw payload of a delivery for audit. */
export async function recordAlertDelivery(
  db: Knex,
  row: AlertDeliveryRow,
): Promise<void> {
  await db<AlertDeliveryRow>('itsm_alert_deliveries').insert(row);
}

const PRUNE_BATCH = 5000;

/**
 * Deletes deliveries received before a time, in batches so a long backlog
 * never holds one huge lock. Returns how many went.
 */
export async function pruneAlertDeliveries(
  db: Knex,
  before: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db('itsm_alert_deliveries')
      .whereIn(
        'id',
        db('itsm_alert_deliveries')
          .select('id')
          .where('received_at', '<', before)
          .orderBy('received_at')
          .limit(PRUNE_BATCH),
      )
      .delete();
    total += deleted;
    if (deleted < PRUNE_BATCH) {
      return total;
    }
  }
}
