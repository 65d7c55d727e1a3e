import {
  createBackendModule,
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ItsmDataSeeder,
  itsmDataSeedExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { itsmPlugin } from '../plugin';
import { TEST_ENTITIES } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

function moduleAdding(seeders: ItsmDataSeeder[]) {
  return createBackendModule({
    pluginId: 'itsm',
    moduleId: 'test-seeders',
    register(reg) {
      reg.registerInit({
        deps: { dataSeed: itsmDataSeedExtensionPoint },
        async init({ dataSeed }) {
          seeders.forEach(seeder => dataSeed.addSeeder(seeder));
        },
      });
    },
  });
}

describe('ITSM data seeders', () => {
  const scheduler = mockServices.scheduler.mock();
  // The plugin opens its health route right after mounting its router, so
  // that call tells whether the routes are served yet.
  const addAuthPolicy = jest.fn();
  const httpRouter = createServiceFactory({
    service: coreServices.httpRouter,
    deps: {},
    factory: () => ({ use: jest.fn(), addAuthPolicy }),
  });
  const routesServed = () =>
    addAuthPolicy.mock.calls.some(([policy]) => policy.path === '/health');

  function startWith(seeders: ItsmDataSeeder[]) {
    return startTestBackend({
      features: [
        itsmPlugin,
        moduleAdding(seeders),
        mockServices.rootConfig.factory({
          data: {
            itsm: { detection: { enabled: true, repeatedIncidents: {} } },
          },
        }),
        catalogServiceMock.factory({ entities: TEST_ENTITIES }),
        scheduler.factory,
        httpRouter,
      ],
    });
  }

  beforeEach(() => {
    scheduler.scheduleTask.mockClear();
    addAuthPolicy.mockClear();
  });

  it('runs seeders in the order added, after migrations and before detection and routes', async () => {
    const seen: Array<[string, number, number, boolean]> = [];
    const seeder = (name: string): ItsmDataSeeder => ({
      name,
      async seed({ knex }) {
        const [{ count }] = await knex('itsm_incidents').count({ count: '*' });
        seen.push([
          name,
          Number(count),
          scheduler.scheduleTask.mock.calls.length,
          routesServed(),
        ]);
      },
    });

    const backend = await startWith([seeder('first'), seeder('second')]);

    expect(seen).toEqual([
      ['first', 0, 0, false],
      ['second', 0, 0, false],
    ]);
    expect(scheduler.scheduleTask).toHaveBeenCalled();
    expect(routesServed()).toBe(true);
    await backend.stop();
  });

  it('stops start-up with the name of a seeder that fails', async () => {
    const after = jest.fn();

    await expect(
      startWith([
        {
          name: 'broken',
          seed: async () => {
            throw new Error('no space left on device');
          },
        },
        { name: 'after', seed: after },
      ]),
    ).rejects.toThrow(
      "ITSM data seeder 'broken' failed; caused by Error: no space left on device",
    );
    expect(after).not.toHaveBeenCalled();
    expect(routesServed()).toBe(false);
  });
});
