import { Knex } from 'knex';
import { insertUnlessTaken } from './insertUnlessTaken';
import { PostmortemRow } from './tables';
import { versionedUpdate } from './versionedUpdate';

/** The postmortem of an incident, if one was written. */
export async function findPostmortemRow(
  db: Knex,
  incidentId: string,
): Promise<PostmortemRow | undefined> {
  return db<PostmortemRow>('itsm_postmortems')
    .where({ incident_id: incidentId })
    .first();
}

/**
 * Inserts the first version of an incident's postmortem; false when a
 * concurrent request inserted it first (the unique index on the incident).
 */
export async function insertPostmortemRow(
  tx: Knex.Transaction,
  row: PostmortemRow,
): Promise<boolean> {
  const inserted = await insertUnlessTaken(tx, async savepoint => {
    await savepoint<PostmortemRow>('itsm_postmortems').insert(row);
    return true;
  });
  return inserted ?? false;
}

/** Versioned update of a postmortem; false when the version is stale. */
export async function updatePostmortemRow(
  tx: Knex.Transaction,
  options: {
    incidentId: string;
    version: number;
    changes: Partial<PostmortemRow>;
  },
): Promise<boolean> {
  return versionedUpdate<PostmortemRow>(tx, {
    table: 'itsm_postmortems',
    where: { incident_id: options.incidentId },
    version: options.version,
    changes: options.changes,
  });
}
