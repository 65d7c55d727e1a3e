import { Knex } from 'knex';
import { weekIndexOf } from '../analysis/weekBuckets';
import { ChangeRow } from './changeRows';
import { addToChangeWeek } from './changeWeeks';

const PRUNE_BATCH = 5000;

type PrunedRow = Pick<
  ChangeRow,
  'id' | 'entity_ref' | 'kind' | 'occurred_at' | 'failed_at'
>;

/** Takes a batch's routed deploys out of their weekly counts. */
async function uncount(tx: Knex.Transaction, rows: PrunedRow[]) {
  const weeks = new Map<
    string,
    { entityRef: string; occurredAt: number; deploys: number; failed: number }
  >();
  for (const row of rows) {
    if (row.kind !== 'deploy' || !row.entity_ref) {
      continue;
    }
    const occurredAt = Number(row.occurred_at);
    const key = `${row.entity_ref}\n${weekIndexOf(occurredAt)}`;
    const week = weeks.get(key) ?? {
      entityRef: row.entity_ref,
      occurredAt,
      deploys: 0,
      failed: 0,
    };
    week.deploys -= 1;
    week.failed -= row.failed_at === null ? 0 : 1;
    weeks.set(key, week);
  }
  for (const week of weeks.values()) {
    await addToChangeWeek(tx, {
      entityRef: week.entityRef,
      occurredAt: week.occurredAt,
      deploys: week.deploys,
      failedDeploys: week.failed,
    });
  }
}

/**
 * Deletes changes that happened before a time, with their correlation rows
 * and their part of the weekly counts, in batches so a long backlog never
 * holds one huge lock. Returns how many changes went.
 */
export async function pruneChanges(db: Knex, before: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted: number = await db.transaction(async tx => {
      const rows: PrunedRow[] = await tx('itsm_changes')
        .select('id', 'entity_ref', 'kind', 'occurred_at', 'failed_at')
        .where('occurred_at', '<', before)
        .orderBy('occurred_at')
        .limit(PRUNE_BATCH);
      if (rows.length === 0) {
        return 0;
      }
      const ids = rows.map(row => row.id);
      await uncount(tx, rows);
      await tx('itsm_change_incidents').whereIn('change_id', ids).delete();
      return Number(await tx('itsm_changes').whereIn('id', ids).delete());
    });
    total += deleted;
    if (deleted < PRUNE_BATCH) {
      return total;
    }
  }
}
