import { Knex } from 'knex';
import { isUniqueViolation } from './databaseErrors';

/**
 * Runs an insert under a savepoint and reports a unique-index collision as
 * undefined instead of aborting the caller's transaction, so the caller can
 * carry on as an update of the row that won.
 */
export async function insertUnlessTaken<T>(
  tx: Knex.Transaction,
  insert: (savepoint: Knex.Transaction) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await tx.transaction(insert);
  } catch (error) {
    if (isUniqueViolation(error)) {
      return undefined;
    }
    throw error;
  }
}
