import { Knex } from 'knex';
import { Cursor } from './cursor';
import { unroutedAlertFromRow } from './mappers';
import { fetchPage } from './paging';
import { UnroutedAlertRow } from './tables';

/**
 * The inbox entry holding an alert's dedup key, locked until commit: a
 * pending one, or a dismissed one while its alert still fires.
 */
export async function findUnroutedHoldingKeyForUpdate(
  tx: Knex.Transaction,
  openDedupKey: string,
): Promise<UnroutedAlertRow | undefined> {
  return tx<UnroutedAlertRow>('itsm_unrouted_alerts')
    .where({ open_dedup_key: openDedupKey })
    .forUpdate()
    .first();
}

/** An inbox entry by id, locked until commit. */
export async function findUnroutedForUpdate(
  tx: Knex.Transaction,
  id: string,
): Promise<UnroutedAlertRow | undefined> {
  return tx<UnroutedAlertRow>('itsm_unrouted_alerts')
    .where({ id })
    .forUpdate()
    .first();
}

/**
 * Counts another delivery of a kept alert: a firing one clears its end and
 * dates its start if nothing did; an ended one may give its key up.
 */
export async function touchUnrouted(
  tx: Knex.Transaction,
  options: {
    id: string;
    fired: boolean;
    /** When the alert ended, for a delivery that ends it; now by default. */
    endedAt?: number;
    /** When the alert started, for an entry that does not know yet. */
    startedAt?: number;
    /** Frees the dedup key, so the next firing is a new inbox entry. */
    releaseKey?: boolean;
    now: number;
  },
): Promise<void> {
  const { id, fired, now } = options;
  const changes: Partial<UnroutedAlertRow> = fired
    ? {
        occurrence_count: tx.raw('occurrence_count + 1') as unknown as number,
        last_seen_at: now,
        ended_at: null,
      }
    : { last_seen_at: now, ended_at: options.endedAt ?? now };
  if (fired && options.startedAt !== undefined) {
    changes.started_at = options.startedAt;
  }
  if (options.releaseKey) {
    changes.open_dedup_key = null;
  }
  await tx<UnroutedAlertRow>('itsm_unrouted_alerts')
    .where({ id })
    .update(changes);
}

/** Lists the inbox newest first, one keyset page at a time. */
export async function listUnroutedAlerts(
  db: Knex,
  options: { status?: string; after?: Cursor; limit: number },
) {
  const query = db<UnroutedAlertRow>('itsm_unrouted_alerts').select('*');
  if (options.status) {
    query.where('status', options.status);
  }
  const page = await fetchPage<UnroutedAlertRow>(query, {
    keyColumn: 'first_seen_at',
    after: options.after,
    limit: options.limit,
  });
  return {
    items: page.rows.map(unroutedAlertFromRow),
    nextCursor: page.nextCursor,
  };
}

/** How many inbox entries are in a status, or in any without one. */
export async function countUnroutedAlerts(
  db: Knex,
  options: { status?: string },
): Promise<number> {
  const query = db('itsm_unrouted_alerts');
  if (options.status) {
    query.where('status', options.status);
  }
  const [row] = await query.count({ count: '*' });
  return Number(row.count);
}

/** Keeps an alert that matched no entity in the inbox. */
export async function insertUnroutedAlertRow(
  tx: Knex.Transaction,
  row: UnroutedAlertRow,
): Promise<void> {
  await tx<UnroutedAlertRow>('itsm_unrouted_alerts').insert(row);
}

/** Changes an inbox entry, such as its assignment or dismissal. */
export async function updateUnroutedAlertRow(
  tx: Knex.Transaction,
  options: { id: string; changes: Partial<UnroutedAlertRow> },
): Promise<void> {
  await tx<UnroutedAlertRow>('itsm_unrouted_alerts')
    .where({ id: options.id })
    .update(options.changes);
}
