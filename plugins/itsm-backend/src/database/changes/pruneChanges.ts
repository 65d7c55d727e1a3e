import { Knex } from 'knex';

const PRUNE_BATCH = 5000;

/**
 * Deletes changes that happened before a time, with their correlation rows,
 * in batches so a long backlog never holds one huge lock. Returns how many
 * changes went.
 */
export async function pruneChanges(db: Knex, before: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted: number = await db.transaction(async tx => {
      const ids: string[] = (
        await tx('itsm_changes')
          .select('id')
          .where('occurred_at', '<', before)
          .orderBy('occurred_at')
          .limit(PRUNE_BATCH)
      ).map((row: { id: string }) => row.id);
      if (ids.length === 0) {
        return 0;
      }
      await tx('itsm_change_incidents').whereIn('change_id', ids).delete();
      return Number(await tx('itsm_changes').whereIn('id', ids).delete());
    });
    total += deleted;
    if (deleted < PRUNE_BATCH) {
      return total;
    }
  }
}
