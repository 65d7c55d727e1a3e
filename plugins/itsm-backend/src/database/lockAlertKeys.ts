import { Knex } from 'knex';

/** First key of the two-key advisory locks, so they never meet other users'. */
const ALERT_LOCK_CLASS = 0x17e4;

/** Whether the database is PostgreSQL, for the few statements that differ. */
export function isPostgres(db: Knex): boolean {
  return ['pg', 'postgres', 'postgresql'].includes(
    String(db.client.config.client),
  );
}

/**
 * Serialises deliveries that share alert keys, taking one transaction-scoped
 * lock per key in a fixed order before any row lock. Deliveries of the same
 * alert then queue instead of racing to insert it, which would deadlock them
 * against the incident number counter. Correctness does not depend on it:
 * the unique `open_dedup_key` indexes still decide. SQLite needs nothing:
 * it runs one writing transaction at a time.
 */
export async function lockAlertKeys(
  tx: Knex.Transaction,
  keys: string[],
): Promise<void> {
  if (!isPostgres(tx) || keys.length === 0) {
    return;
  }
  await tx.raw(
    `SELECT pg_advisory_xact_lock(?, h)
       FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(?::text[]) AS k
             ORDER BY h) AS ordered`,
    [ALERT_LOCK_CLASS, keys],
  );
}
