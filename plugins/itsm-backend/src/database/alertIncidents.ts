import { Knex } from 'knex';
import { IncidentRow } from './tables';
import { NewTimelineEvent, appendTimeline } from './timeline';

/** Keys or ids per statement, under SQLite's limit on bound variables. */
const LOCK_CHUNK = 500;

/**
 * The open incident holding an alert's dedup key, locked until commit so
 * concurrent deliveries of the same alert queue up behind each other.
 */
export async function findOpenIncidentForUpdate(
  tx: Knex.Transaction,
  openDedupKey: string,
): Promise<IncidentRow | undefined> {
  return tx<IncidentRow>('itsm_incidents')
    .where({ open_dedup_key: openDedupKey })
    .forUpdate()
    .first();
}

/**
 * Counts more occurrences of alerts on their open incidents, with one
 * timeline event each, in one UPDATE per distinct count and one INSERT. The
 * version is left alone: an alert storm must not turn every edit of the
 * people working the incident into a 409.
 */
export async function addAlertOccurrences(
  tx: Knex.Transaction,
  options: {
    occurrences: { row: IncidentRow; bodies: string[] }[];
    actorRef: string;
    now: number;
  },
): Promise<void> {
  const { occurrences, actorRef, now } = options;
  const idsByCount = new Map<number, string[]>();
  const events: NewTimelineEvent[] = [];
  for (const { row, bodies } of occurrences) {
    idsByCount.set(bodies.length, [
      ...(idsByCount.get(bodies.length) ?? []),
      row.id,
    ]);
    const before = Number(row.occurrence_count);
    bodies.forEach((body, i) =>
      events.push({
        recordType: 'incident',
        recordId: row.id,
        kind: 'alert_occurrence',
        actorRef,
        field: 'occurrenceCount',
        oldValue: before + i,
        newValue: before + i + 1,
        body,
      }),
    );
  }
  for (const [count, allIds] of idsByCount) {
    for (let i = 0; i < allIds.length; i += LOCK_CHUNK) {
      const ids = allIds.slice(i, i + LOCK_CHUNK);
      await tx<IncidentRow>('itsm_incidents')
        .whereIn('id', ids)
        .update({
          occurrence_count: tx.raw('occurrence_count + ?', [
            count,
          ]) as unknown as number,
          updated_at: now,
        });
    }
  }
  await appendTimeline(tx, { events, now });
}

/** The number of the open incident holding an alert's dedup key, if any. */
export async function openIncidentNumberOf(
  tx: Knex.Transaction,
  openDedupKey: string,
): Promise<number | undefined> {
  const row = await tx<IncidentRow>('itsm_incidents')
    .where({ open_dedup_key: openDedupKey })
    .first('number');
  return row === undefined ? undefined : Number(row.number);
}

/** Writes alert-driven changes of an open incident and their timeline events. */
export async function changeAlertIncident(
  tx: Knex.Transaction,
  options: {
    row: IncidentRow;
    changes: Partial<IncidentRow>;
    events: NewTimelineEvent[];
    now: number;
  },
): Promise<void> {
  const { row, changes, events, now } = options;
  await tx<IncidentRow>('itsm_incidents')
    .where({ id: row.id })
    .update({ ...changes, version: Number(row.version) + 1 });
  await appendTimeline(tx, { events, now });
}

/**
 * Locks the open incidents and waiting inbox entries of a delivery's keys in
 * key order, in one statement per table (and chunk), and returns what it
 * found. Every delivery thus takes its row locks in the same order before it
 * may take the incident number counter, which keeps deadlocks between
 * concurrent deliveries rare.
 */
export async function lockOpenRecords(
  tx: Knex.Transaction,
  sortedKeys: string[],
): Promise<{ incidents: Map<string, IncidentRow>; inbox: Set<string> }> {
  const incidents = new Map<string, IncidentRow>();
  const inbox = new Set<string>();
  for (let i = 0; i < sortedKeys.length; i += LOCK_CHUNK) {
    const chunk = sortedKeys.slice(i, i + LOCK_CHUNK);
    const rows: IncidentRow[] = await tx('itsm_incidents')
      .whereIn('open_dedup_key', chunk)
      .orderBy('open_dedup_key')
      .forUpdate()
      .select('*');
    rows.forEach(row => incidents.set(row.open_dedup_key!, row));
  }
  for (let i = 0; i < sortedKeys.length; i += LOCK_CHUNK) {
    const chunk = sortedKeys.slice(i, i + LOCK_CHUNK);
    const rows: { open_dedup_key: string }[] = await tx('itsm_unrouted_alerts')
      .whereIn('open_dedup_key', chunk)
      .orderBy('open_dedup_key')
      .forUpdate()
      .select('open_dedup_key');
    rows.forEach(row => inbox.add(row.open_dedup_key));
  }
  return { incidents, inbox };
}
