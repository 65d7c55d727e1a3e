import { Knex } from 'knex';
import { Cursor } from './cursor';
import { unroutedAlertFromRow } from './mappers';
import { fetchPage } from './paging';
import { UnroutedAlertRow } from './tables';

/** The inbox entry still waiting for an alert's dedup key, locked until commit. */
export async function findPendingUnroutedForUpdate(
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

/** Counts another delivery of a waiting alert; a firing one clears its end. */
export async function touchUnrouted(
  tx: Knex.Transaction,
  options: { id: string; fired: boolean; endedAt?: number; now: number },
): Promise<void> {
  const { id, fired, now } = options;
  await tx<UnroutedAlertRow>('itsm_unrouted_alerts')
    .where({ id })
    .update(
      fired
        ? {
            occurrence_count: tx.raw(
              'occurrence_count + 1',
            ) as unknown as number,
            last_seen_at: now,
            ended_at: null,
          }
        : { last_seen_at: now, ended_at: options.endedAt ?? now },
    );
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

/** Keeps an alert that matched no entity in the inbox. */
export async function insertUnroutedAlertRow(
  tx: Knex.Transaction,
  row: UnroutedAlertRow,
): Promise<void> {
  await tx<UnroutedAlertRow>('itsm_unrouted_alerts').insert(row);
}

/** Changes an inbox entry, such as its assignment to an incident. */
export async function updateUnroutedAlertRow(
  tx: Knex.Transaction,
  options: { id: string; changes: Partial<UnroutedAlertRow> },
): Promise<void> {
  await tx<UnroutedAlertRow>('itsm_unrouted_alerts')
    .where({ id: options.id })
    .update(options.changes);
}
