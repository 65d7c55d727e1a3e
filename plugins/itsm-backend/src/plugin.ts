import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scheduleDeliveryPruning } from './services/alerts/scheduleDeliveryPruning';
import { applyDatabaseMigrations } from './database/migrations';
import { seedDemoData } from './demo/seedDemoData';
import { prepareProblemDetection } from './services/detection/prepareProblemDetection';
import { createItsmServices } from './services/createItsmServices';
import { registerPermissions } from './services/registerPermissions';
import { createRouter } from './routes/router';

/** The ITSM backend plugin, mounted at `/api/itsm`. */
export const itsmPlugin = createBackendPlugin({
  pluginId: 'itsm',
  register(env) {
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
        if (deps.config.getOptionalBoolean('itsm.demoData')) {
          await seedDemoData({ knex, logger: deps.logger });
        }
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
        httpRouter.use(await createRouter({ ...deps, services }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
