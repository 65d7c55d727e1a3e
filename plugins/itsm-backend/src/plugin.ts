import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  ItsmDataSeeder,
  itsmDataSeedExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { registerActions } from './actions/registerActions';
import { applyDatabaseMigrations } from './database/migrations';
import { createRouter } from './routes/router';
import { refuseDemoTokens } from './services/alerts/publishedTokens';
import { scheduleDeliveryPruning } from './services/alerts/scheduleDeliveryPruning';
import { scheduleChangeTasks } from './services/changes/scheduleChangeTasks';
import { createItsmServices } from './services/createItsmServices';
import { prepareProblemDetection } from './services/detection/prepareProblemDetection';
import { prepareNotifications } from './services/notifications/prepareNotifications';
import { registerPermissions } from './services/registerPermissions';
import { runDataSeeders } from './services/seeding/runDataSeeders';
import { scheduleSlaChecks } from './services/sla/scheduleSlaChecks';

/**
 * The ITSM backend plugin, mounted at `/api/itsm`.
 *
 * @public
 */
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
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { database, httpRouter } = deps;
        refuseDemoTokens({
          config: deps.config,
          nodeEnv: process.env.NODE_ENV,
        });
        const knex = await database.getClient();
        const services = createItsmServices({ ...deps, knex });
        const startDetection = prepareProblemDetection({ ...deps, knex });
        const startNotifications = prepareNotifications({ ...deps, db: knex });
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(knex);
        }
        await runDataSeeders({ seeders, knex, logger: deps.logger });
        await startDetection();
        await startNotifications();
        registerPermissions({
          knex,
          permissionsRegistry: deps.permissionsRegistry,
        });
        await scheduleDeliveryPruning({
          scheduler: deps.scheduler,
          alerts: services.alerts,
          logger: deps.logger,
        });
        await scheduleSlaChecks({
          db: knex,
          keeper: services.slaClocks,
          scheduler: deps.scheduler,
          logger: deps.logger,
        });
        await scheduleChangeTasks({
          scheduler: deps.scheduler,
          correlator: services.changeCorrelator,
          changes: services.changes,
          logger: deps.logger,
        });
        httpRouter.use(await createRouter({ ...deps, services }));
        registerActions({ ...deps, services });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
