import { Knex } from 'knex';
import { listMigrations } from '../../database/migrations';

/** What `/health` reports: the plugin answers, and which migrations ran. */
export class HealthService {
  constructor(private readonly deps: { db: Knex }) {}

  /** The plugin's status with its applied and pending migrations. */
  async status() {
    return { status: 'ok', migrations: await listMigrations(this.deps.db) };
  }
}
