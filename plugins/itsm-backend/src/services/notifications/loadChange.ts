import { Incident, Problem } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { OutboxEntry, timelineRowsByIds } from '../../database/outbox';
import { timelineEventFromRow } from '../../database/mappers';
import { incidentKind, problemKind } from '../../shared/recordKinds';
import { ChangeEvent } from './changeEvent';

/** A committed change as the notices are decided from it: the record now, and its events. */
export type LoadedChange =
  | { recordType: 'incident'; record: Incident; events: ChangeEvent[] }
  | { recordType: 'problem'; record: Problem; events: ChangeEvent[] };

/** Reads the record and the timeline events of an outbox entry; undefined when the record is gone. */
export async function loadChange(
  db: Knex,
  entry: OutboxEntry,
): Promise<LoadedChange | undefined> {
  const events = (await timelineRowsByIds(db, entry.timelineIds)).map(
    timelineEventFromRow,
  );
  if (entry.recordType === 'incident') {
    const row = await incidentKind.findRow(db, entry.recordId);
    return row
      ? {
          recordType: 'incident',
          record: await incidentKind.toRecord(db, row),
          events,
        }
      : undefined;
  }
  const row = await problemKind.findRow(db, entry.recordId);
  return row
    ? {
        recordType: 'problem',
        record: await problemKind.toRecord(db, row),
        events,
      }
    : undefined;
}
