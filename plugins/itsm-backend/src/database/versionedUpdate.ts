import { Knex } from 'knex';

/**
 * Writes changed columns and the next version if the row still has the
 * version the caller read. Returns false when someone else changed it first.
 */
export async function versionedUpdate<TRow extends { version: number }>(
  tx: Knex.Transaction,
  options: {
    table: string;
    where: Partial<TRow>;
    version: number;
    changes: Partial<TRow>;
  },
): Promise<boolean> {
  const count = await tx(options.table)
    .where({ ...options.where, version: options.version })
    .update({ ...options.changes, version: options.version + 1 });
  return count === 1;
}
