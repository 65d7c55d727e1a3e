import { Knex } from 'knex';
import { IncidentRow } from './tables';
import { NewTimelineEvent, appendTimeline } from './timeline';

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
 * Counts one more occurrence of the alert. The version is left alone: an
 * alert storm must not turn every edit of the people working the incident
 * into a 409.
 */
export async function addAlertOccurrence(
  tx: Knex.Transaction,
  options: { row: IncidentRow; actorRef: string; body: string; now: number },
): Promise<void> {
  const { row, now } = options;
  const count = Number(row.occurrence_count);
  await tx<IncidentRow>('itsm_incidents')
    .where({ id: row.id })
    .update({
      occurrence_count: tx.raw('occurrence_count + 1') as unknown as number,
      updated_at: now,
    });
  await appendTimeline(
    tx,
    [
      {
        recordType: 'incident',
        recordId: row.id,
        kind: 'alert_occurrence',
        actorRef: options.actorRef,
        field: 'occurrenceCount',
        oldValue: count,
        newValue: count + 1,
        body: options.body,
      },
    ],
    now,
  );
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
  await appendTimeline(tx, events, now);
}
