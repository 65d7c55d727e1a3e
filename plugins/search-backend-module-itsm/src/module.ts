import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { SEARCH_DOCUMENT_KINDS } from '@backstage-itsm/plugin-itsm-common';
import { ItsmCollatorFactory } from './collators/ItsmCollatorFactory';
import { readCollatorSettings } from './collators/readCollatorSettings';

/**
 * Search backend module that indexes ITSM incidents, problems, known errors
 * and postmortems, as configured under `search.collators.itsm`.
 *
 * @public
 */
export const searchModuleItsmCollators = createBackendModule({
  pluginId: 'search',
  moduleId: 'itsm',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ auth, config, discovery, scheduler, indexRegistry }) {
        const settings = readCollatorSettings(config);
        for (const kind of SEARCH_DOCUMENT_KINDS) {
          indexRegistry.addCollator({
            schedule: scheduler.createScheduledTaskRunner(settings.schedule),
            factory: ItsmCollatorFactory.create({
              kind,
              settings,
              discovery,
              auth,
            }),
          });
        }
      },
    });
  },
});
