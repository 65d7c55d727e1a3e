import {
  LoggerService,
  createExtensionPoint,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/**
 * Writes records into the ITSM database at start-up, for example a demo
 * history.
 *
 * @public
 */
export interface ItsmDataSeeder {
  /** Names the seeder in logs and in the error that stops start-up. */
  name: string;
  /**
   * Runs once per start-up, after the plugin's migrations and before problem
   * detection starts and the routes are served. A seeder that must not write
   * twice checks the database itself.
   */
  seed(options: { knex: Knex; logger: LoggerService }): Promise<void>;
}

/**
 * Lets backend modules add seeders to the ITSM plugin.
 *
 * @public
 */
export interface ItsmDataSeedExtensionPoint {
  /** Adds a seeder; seeders run in the order they were added. */
  addSeeder(seeder: ItsmDataSeeder): void;
}

/**
 * The extension point through which backend modules seed the ITSM database.
 * A seeder that throws stops start-up, naming the seeder.
 *
 * @public
 */
export const itsmDataSeedExtensionPoint =
  createExtensionPoint<ItsmDataSeedExtensionPoint>({
    id: 'itsm.data-seed',
  });
