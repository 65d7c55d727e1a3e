import { Knex } from 'knex';
import { isPostgres } from './dialect';
import { entitySets } from './recordListFilter';
import { SearchPath } from './wordSearch';

/** Entities with at most this many incidents are searched row by row. */
const ROWS_PATH_LIMIT = 3000;

/**
 * How to find words among incidents: when the filter narrows to entities
 * with few incidents, their rows are checked (a millisecond or two per
 * thousand); otherwise the index. A GIN scan of a word common in the whole
 * organisation costs hundreds of milliseconds, which the planner prices far
 * lower, so it would pick the index even for an entity's hundred rows. The
 * probe counts at most `ROWS_PATH_LIMIT + 1` entries of the entity index.
 */
export async function incidentSearchPath(
  db: Knex,
  filter: { entityRefs?: string[]; scopes?: string[][] },
): Promise<SearchPath> {
  const sets = entitySets(filter);
  if (sets.length === 0 || !isPostgres(db)) {
    return 'index';
  }
  const smallest = sets.reduce((a, b) => (b.length < a.length ? b : a));
  const rows = await db('itsm_incidents')
    .whereIn('entity_ref', smallest)
    .select(db.raw('1'))
    .limit(ROWS_PATH_LIMIT + 1);
  return rows.length > ROWS_PATH_LIMIT ? 'index' : 'rows';
}
