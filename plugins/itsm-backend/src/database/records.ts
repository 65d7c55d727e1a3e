import { ItsmRecordType } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { IncidentRow, ProblemRow } from './tables';
import { versionedUpdate } from './versionedUpdate';

/** The row type of each kind of record. */
export interface RecordRows {
  incident: IncidentRow;
  problem: ProblemRow;
}

const RECORD_TABLES: Record<ItsmRecordType, string> = {
  incident: 'itsm_incidents',
  problem: 'itsm_problems',
};

/** Loads an incident or problem row by id. */
export async function getRecordRow<T extends ItsmRecordType>(
  db: Knex,
  options: { recordType: T; id: string },
): Promise<RecordRows[T] | undefined> {
  const row = await db(RECORD_TABLES[options.recordType])
    .where({ id: options.id })
    .first();
  return row as RecordRows[T] | undefined;
}

/** Versioned update of an incident or problem; false when the version is stale. */
export async function updateRecordRow<T extends ItsmRecordType>(
  tx: Knex.Transaction,
  options: {
    recordType: T;
    id: string;
    version: number;
    changes: Partial<RecordRows[T]>;
  },
): Promise<boolean> {
  return versionedUpdate<RecordRows[T]>(tx, {
    table: RECORD_TABLES[options.recordType],
    where: { id: options.id } as Partial<RecordRows[T]>,
    version: options.version,
    changes: options.changes,
  });
}

/**
 * Sets a record's `updated_at` and leaves its version alone: notes, links and
 * alert signals never turn an edit based on the version read into a 409.
 */
export async function touchRecord(
  tx: Knex.Transaction,
  options: { recordType: ItsmRecordType; id: string; now: number },
): Promise<void> {
  await tx(RECORD_TABLES[options.recordType])
    .where({ id: options.id })
    .update({ updated_at: options.now });
}
