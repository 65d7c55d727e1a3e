import { Knex } from 'knex';
import { incidentsDueForSlaCheck } from '../../database/slaState';
import { SlaClockKeeper } from './SlaClockKeeper';

const BATCH = 200;
// Bounds one run; what is left waits for the next run.
const MAX_BATCHES = 50;

/**
 * Brings up to date the clocks that reached a warning or due time, and those
 * never computed (incidents seeded or opened by alerts), each in its own
 * transaction. Returns how many incidents it looked at.
 */
export async function checkSlaClocks(options: {
  db: Knex;
  keeper: SlaClockKeeper;
  now: number;
}): Promise<number> {
  const { db, keeper, now } = options;
  let checked = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const ids = await incidentsDueForSlaCheck(db, { now, limit: BATCH });
    for (const incidentId of ids) {
      await db.transaction(tx => keeper.refresh(tx, { incidentId, now }));
    }
    checked += ids.length;
    if (ids.length < BATCH) {
      break;
    }
  }
  return checked;
}
