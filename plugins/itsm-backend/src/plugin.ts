import {
  LoggerService,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  ItsmDataSeeder,
  itsmDataSeedExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { Knex } from 'knex';
import { scheduleDeliveryPruning } from './alerts/scheduleDeliveryPruning';
import { applyDatabaseMigrations } from './database/migrations';
import { prepareProblemDetection } from './detection/prepareProblemDetection';
import {
  createItsmServices,
  registerPermissions,
} from './service/createItsmServices';
import { createRouter } from './service/router';

async function runSeeders(options: {
  seeders: readonly ItsmDataSeeder[];
  knex: Knex;
  logger: LoggerService;
}) {
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

/** The ITSM backend plugin, mounted at `/api/itsm`. */
export const itsmPlugin = createBackendPlugin({
  pluginId: 'itsm',
  register(env) {
    const seeders: ItsmDataSeeder[] = [];
    env.registerExtensionPoint(itsmDataSeedExtensionPoint, {
      addSeeder(seeder) {
        seeders.push(seeder);
      },
    });
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { database, httpRouter } = deps;
        const knex = await database.getClient();
        const services = createItsmServices({ ...deps, knex });
        const startDetection = prepareProblemDetection({ ...deps, knex });
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(knex);
        }
        await runSeeders({ seeders, knex, logger: deps.logger });
        await startDetection();
        registerPermissions({
          knex,
          permissionsRegistry: deps.permissionsRegistry,
        });
        await scheduleDeliveryPruning({
          scheduler: deps.scheduler,
          alerts: services.alerts,
          logger: deps.logger,
        });
        httpRouter.use(await createRouter({ ...deps, knex, services }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
