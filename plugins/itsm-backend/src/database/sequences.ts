import { Knex } from 'knex';

/**
 * Takes the next human number of a record type inside the caller's
 * transaction. The UPDATE locks the counter row until commit, so concurrent
 * creates queue up instead of reading the same value, and a rolled back
 * create gives its number back rather than leaving a gap behind a reuse.
 */
export async function takeNextNumber(
  tx: Knex.Transaction,
  name: 'incident' | 'problem',
): Promise<number> {
  await tx('itsm_sequences')
    .where({ name })
    .update({ last_value: tx.raw('last_value + 1') });
  const row = await tx('itsm_sequences').where({ name }).first('last_value');
  return Number(row.last_value);
}
