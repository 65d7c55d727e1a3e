import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { itsmDataSeedExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import { seedDemoData } from './history/seedDemoData';

/**
 * Fills an empty ITSM database with the six-month demo history of Acme Retail
 * when `itsm.demoData` is true.
 *
 * @public
 */
export const itsmModuleDemoData = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'demo-data',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        dataSeed: itsmDataSeedExtensionPoint,
      },
      async init({ config, dataSeed }) {
        if (config.getOptionalBoolean('itsm.demoData')) {
          dataSeed.addSeeder({ name: 'demo-data', seed: seedDemoData });
        }
      },
    });
  },
});
