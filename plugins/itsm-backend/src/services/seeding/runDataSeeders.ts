import { LoggerService } from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { ItsmDataSeeder } from '@backstage-itsm/plugin-itsm-node';
import { Knex } from 'knex';

/** Runs the seeders that modules added, in the order they were added. */
export async function runDataSeeders(options: {
  seeders: readonly ItsmDataSeeder[];
  knex: Knex;
  logger: LoggerService;
}): Promise<void> {
  const { knex, logger } = options;
  for (const seeder of options.seeders) {
    try {
      await seeder.seed({ knex, logger });
    } catch (error) {
      throw new ForwardedError(
        `ITSM data seeder '${seeder.name}' failed`,
        error,
      );
    }
  }
}
