import {
  ItsmRecordType,
  TimelineEvent,
  TimelineEventKind,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from './cursor';
import { timelineEventFromRow } from './mappers';
import { toPage } from './paging';
import { enqueueOutbox } from './outbox';
import { TimelineRow } from './tables';
import { touchRecord } from './records';

/** What a caller records; the row's id and time are assigned here. */
export interface NewTimelineEvent {
  recordType: ItsmRecordType;
  recordId: string;
  kind: TimelineEventKind;
  actorRef: string;
  field?: string;
  oldValue?: unknown;
  newValue?: unknown;
  body?: string;
}

function asText(value: unknown): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Nine columns a row: SQLite before 3.32 allows 999 bound variables a statement.
const ROWS_PER_INSERT = 90;

/**
 * Appends events to the timeline within the caller's transaction, with the
 * outbox rows that have them notified and signalled once it commits.
 */
export async function appendTimeline(
  tx: Knex.Transaction,
  options: { events: NewTimelineEvent[]; now: number },
): Promise<void> {
  const { events, now } = options;
  if (events.length === 0) {
    return;
  }
  const rows = events.map(event => ({
    record_type: event.recordType,
    record_id: event.recordId,
    kind: event.kind,
    field: event.field ?? null,
    old_value: asText(event.oldValue),
    new_value: asText(event.newValue),
    body: event.body ?? null,
    actor_ref: event.actorRef,
    created_at: now,
  }));
  const inserted: Array<{
    id: number;
    record_type: string;
    record_id: string;
  }> = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const ids: Array<{ id: number | string }> = await tx<TimelineRow>(
      'itsm_timeline',
    )
      .insert(chunk)
      .returning('id');
    ids.forEach(({ id }, index) =>
      inserted.push({ ...chunk[index], id: Number(id) }),
    );
  }
  await enqueueOutbox(tx, { rows: inserted, now });
}

/**
 * Adds an internal note or a public status update, touches the record's
 * `updated_at` (not its version: a note never conflicts with an edit) and
 * returns the new event.
 */
export async function addNoteToTimeline(
  db: Knex,
  options: {
    recordType: ItsmRecordType;
    recordId: string;
    visibility: 'internal' | 'public';
    body: string;
    actorRef: string;
    now: number;
  },
): Promise<TimelineEvent> {
  const { recordType, recordId, now } = options;
  return db.transaction(async tx => {
    await appendTimeline(tx, {
      events: [
        {
          recordType,
          recordId,
          kind: options.visibility === 'public' ? 'status_update' : 'note',
          actorRef: options.actorRef,
          body: options.body,
        },
      ],
      now,
    });
    await touchRecord(tx, { recordType, id: recordId, now });
    const row: TimelineRow = await tx('itsm_timeline')
      .where({ record_type: recordType, record_id: recordId })
      .orderBy('id', 'desc')
      .first();
    return timelineEventFromRow(row);
  });
}

/** Lists a record's timeline, oldest first, one page at a time. */
export async function listTimeline(
  db: Knex,
  options: {
    recordType: ItsmRecordType;
    recordId: string;
    after?: Cursor;
    limit: number;
  },
) {
  const query = db<TimelineRow>('itsm_timeline')
    .where({ record_type: options.recordType, record_id: options.recordId })
    .orderBy('id', 'asc')
    .limit(options.limit + 1);
  if (options.after) {
    query.where('id', '>', options.after.key);
  }
  const rows: TimelineRow[] = await query;
  return toPage(rows, {
    limit: options.limit,
    keyOf: row => ({ key: Number(row.id), id: String(row.id) }),
    map: timelineEventFromRow,
  });
}
