import { Knex } from 'knex';

/** Whether the database is PostgreSQL (else SQLite). */
export function isPostgres(db: Knex): boolean {
  return ['pg', 'postgres', 'postgresql'].includes(
    String(db.client.config.client),
  );
}
