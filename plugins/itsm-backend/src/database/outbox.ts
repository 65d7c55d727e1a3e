import { EventEmitter } from 'node:events';
import { Knex } from 'knex';
import { isPostgres } from './lockAlertKeys';
import { DbTime, TimelineRow } from './tables';

/** A row of `itsm_outbox`: the timeline events of one record in one committed change. */
export interface OutboxRow {
  id: number | string;
  record_type: string;
  record_id: string;
  timeline_ids: string;
  created_at: DbTime;
  attempts: number;
  next_attempt_at: DbTime;
  claimed_until: DbTime | null;
  sent_keys: string | null;
  last_error: string | null;
}

/** A claimed outbox entry, decoded. */
export interface OutboxEntry {
  id: string;
  recordType: string;
  recordId: string;
  timelineIds: number[];
  attempts: number;
  sentKeys: string[];
}

// Process-wide: a commit anywhere in this process wakes the dispatchers, which
// then look in their own database. Other instances find the rows on schedule.
const committed = new EventEmitter();
committed.setMaxListeners(0);

/** Calls the listener after each commit that wrote outbox rows; returns the unsubscribe. */
export function onOutboxCommitted(listener: () => void): () => void {
  committed.on('commit', listener);
  return () => committed.off('commit', listener);
}

/**
 * Adds one outbox row per record the new timeline rows concern, in the
 * caller's transaction, and wakes the dispatchers once it commits.
 */
export async function enqueueOutbox(
  tx: Knex.Transaction,
  options: {
    rows: Array<{ id: number; record_type: string; record_id: string }>;
    now: number;
  },
): Promise<void> {
  const byRecord = new Map<string, OutboxRow>();
  for (const row of options.rows) {
    const key = `${row.record_type}:${row.record_id}`;
    const entry = byRecord.get(key);
    if (entry) {
      entry.timeline_ids = JSON.stringify([
        ...JSON.parse(entry.timeline_ids),
        row.id,
      ]);
      continue;
    }
    byRecord.set(key, {
      record_type: row.record_type,
      record_id: row.record_id,
      timeline_ids: JSON.stringify([row.id]),
      created_at: options.now,
      attempts: 0,
      next_attempt_at: options.now,
      claimed_until: null,
      sent_keys: null,
      last_error: null,
    } as OutboxRow);
  }
  await tx('itsm_outbox').insert([...byRecord.values()]);
  tx.executionPromise.then(
    () => committed.emit('commit'),
    () => undefined,
  );
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: String(row.id),
    recordType: row.record_type,
    recordId: row.record_id,
    timelineIds: JSON.parse(row.timeline_ids),
    attempts: row.attempts,
    sentKeys: row.sent_keys ? JSON.parse(row.sent_keys) : [],
  };
}

/**
 * Claims due outbox rows for `leaseMs`. On PostgreSQL rows another instance
 * is claiming are skipped, so several instances share the work; SQLite runs
 * a single instance and serialises writers.
 */
export async function claimOutbox(
  db: Knex,
  options: { now: number; limit: number; leaseMs: number },
): Promise<OutboxEntry[]> {
  const { now, limit, leaseMs } = options;
  return db.transaction(async tx => {
    const query = tx<OutboxRow>('itsm_outbox')
      .where('next_attempt_at', '<=', now)
      .andWhere(q =>
        q.whereNull('claimed_until').orWhere('claimed_until', '<', now),
      )
      .orderBy('id', 'asc')
      .limit(limit);
    if (isPostgres(tx)) {
      query.forUpdate().skipLocked();
    }
    const rows: OutboxRow[] = await query;
    if (rows.length === 0) {
      return [];
    }
    await tx('itsm_outbox')
      .whereIn(
        'id',
        rows.map(row => row.id),
      )
      .update({ claimed_until: now + leaseMs });
    return rows.map(toEntry);
  });
}

/** Removes an outbox row whose notices and signals went out. */
export async function completeOutbox(db: Knex, id: string): Promise<void> {
  await db('itsm_outbox').where({ id }).delete();
}

/** Releases a failed row for a later attempt, keeping what was already sent. */
export async function retryOutbox(
  db: Knex,
  options: {
    id: string;
    attempts: number;
    nextAttemptAt: number;
    sentKeys: string[];
    error: string;
  },
): Promise<void> {
  await db('itsm_outbox')
    .where({ id: options.id })
    .update({
      attempts: options.attempts,
      next_attempt_at: options.nextAttemptAt,
      claimed_until: null,
      sent_keys: JSON.stringify(options.sentKeys),
      last_error: options.error.slice(0, 2000),
    });
}

/** The timeline rows of an outbox entry, oldest first. */
export async function timelineRowsByIds(
  db: Knex,
  ids: number[],
): Promise<TimelineRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return db<TimelineRow>('itsm_timeline').whereIn('id', ids).orderBy('id');
}

/** How many outbox rows wait, for tests and the benchmark. */
export async function countOutbox(db: Knex): Promise<number> {
  const [{ count }] = await db('itsm_outbox').count({ count: '*' });
  return Number(count);
}
