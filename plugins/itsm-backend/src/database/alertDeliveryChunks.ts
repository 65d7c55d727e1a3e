import { Knex } from 'knex';

/**
 * Claims one chunk of a delivery inside the transaction that applies it.
 * False when the same chunk of the same delivery committed within
 * `retryWindowMs` (a retry of it, or a copy that raced it: PostgreSQL makes
 * this insert wait for the other's commit), so its alerts are not counted
 * twice. A claim older than the window is taken over: a sender that sends
 * the same delivery again later, such as Alertmanager repeating a
 * notification, is counted again.
 */
export async function claimDeliveryChunk(
  tx: Knex.Transaction,
  options: {
    deliveryHash: string;
    chunk: number;
    now: number;
    retryWindowMs: number;
  },
): Promise<boolean> {
  const { deliveryHash, chunk, now, retryWindowMs } = options;
  const claimed = await tx('itsm_alert_delivery_chunks')
    .insert({ delivery_hash: deliveryHash, chunk, committed_at: now })
    .onConflict(['delivery_hash', 'chunk'])
    .merge(['committed_at'])
    .where('itsm_alert_delivery_chunks.committed_at', '<', now - retryWindowMs)
    .returning('chunk');
  return claimed.length === 1;
}

/** Deletes chunk claims committed before a time; answers how many went. */
export async function pruneDeliveryChunks(
  db: Knex,
  before: number,
): Promise<number> {
  return db('itsm_alert_delivery_chunks')
    .where('committed_at', '<', before)
    .delete();
}
