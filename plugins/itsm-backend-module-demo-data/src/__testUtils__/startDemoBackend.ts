import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import itsmPlugin from '@backstage-itsm/plugin-itsm-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { itsmModuleDemoData } from '../module';

/**
 * Starts the ITSM plugin with this module on `knex`, its clock stopped at
 * `now` so that the history is the same on every run. Restore the clock with
 * `jest.restoreAllMocks()`.
 */
export async function startDemoBackend(options: {
  knex: Knex;
  now: number;
  demoData?: boolean;
}) {
  jest.spyOn(Date, 'now').mockReturnValue(options.now);
  const logger = mockServices.logger.mock();
  const backend = await startTestBackend({
    features: [
      itsmPlugin,
      itsmModuleDemoData,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: { itsm: { demoData: options.demoData ?? true } },
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory(),
      logger.factory,
    ],
  });
  return { backend, logger };
}
