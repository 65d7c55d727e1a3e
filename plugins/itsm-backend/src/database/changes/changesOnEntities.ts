import { Knex } from 'knex';
import { ChangeRow } from './changeRows';

/** Refs per `IN` list: PostgreSQL and SQLite both take this many parameters. */
const CHUNK = 500;

/**
 * Changes on any of the entities that happened in `[from, to]`, newest
 * first, at most `limit`; one indexed range read per chunk of entities.
 */
export async function changesOnEntities(
  db: Knex,
  options: { entityRefs: string[]; from: number; to: number; limit: number },
): Promise<ChangeRow[]> {
  const { entityRefs, from, to, limit } = options;
  const rows: ChangeRow[] = [];
  for (let at = 0; at < entityRefs.length; at += CHUNK) {
    const chunk: ChangeRow[] = await db<ChangeRow>('itsm_changes')
      .whereIn('entity_ref', entityRefs.slice(at, at + CHUNK))
      .where('occurred_at', '>=', from)
      .where('occurred_at', '<=', to)
      .orderBy([
        { column: 'occurred_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    rows.push(...chunk);
  }
  return rows
    .sort(
      (a, b) =>
        Number(b.occurred_at) - Number(a.occurred_at) || (a.id < b.id ? 1 : -1),
    )
    .slice(0, limit);
}
