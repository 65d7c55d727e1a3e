import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** Where the migration files live. */
export const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

/** Applies every pending migration of the ITSM schema. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
}

/** Names of the applied migrations and the pending ones. */
export async function listMigrations(
  knex: Knex,
): Promise<{ applied: string[]; pending: string[] }> {
  const [completed, pending] = await knex.migrate.list({
    directory: MIGRATIONS_DIRECTORY,
  });
  return {
    applied: completed.map((m: { name: string }) => m.name),
    pending: pending.map((m: { file: string }) => m.file),
  };
}
