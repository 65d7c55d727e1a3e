import { ItsmRecordType } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';

const RECORD_TABLES: Record<ItsmRecordType, string> = {
  incident: 'itsm_incidents',
  problem: 'itsm_problems',
};

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
