import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import Knex from 'knex';
import { AddressInfo, createServer } from 'net';
import { itsmPlugin } from '../plugin';
import { TEST_ENTITIES } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

async function statusOf(url: string): Promise<number | 'refused'> {
  try {
    return (await fetch(url)).status;
  } catch {
    return 'refused';
  }
}

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 600; i++) {
    if (await check()) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('Timed out');
}

/**
 * A real backend starting while the plugin's migrations are held back: what
 * a load balancer's probes see before and after they ran.
 */
describe('start-up readiness', () => {
  it('reports the backend and the ITSM routes unavailable (503) until the migrations ran', async () => {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const knex = Knex({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    let release = () => {};
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    let migrationsStarted = false;
    // Each `knex.migrate` is a new migrator: hold back the class's `latest`.
    const migrator = Object.getPrototypeOf(knex.migrate) as {
      latest: (...args: unknown[]) => Promise<unknown>;
    };
    const latest = migrator.latest;
    jest
      .spyOn(migrator, 'latest')
      .mockImplementation(async function hold(
        this: unknown,
        ...args: unknown[]
      ) {
        migrationsStarted = true;
        await held;
        return latest.apply(this, args);
      });

    const backend = createBackend();
    backend.add(
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: base,
            listen: { port },
            auth: { dangerouslyDisableDefaultAuthPolicy: true },
          },
        },
      }),
    );
    backend.add(mockServices.database.factory({ knex }));
    backend.add(mockServices.auth.factory());
    backend.add(mockServices.httpAuth.factory());
    backend.add(mockServices.userInfo.factory());
    backend.add(mockServices.permissions.factory());
    backend.add(catalogServiceMock.factory({ entities: TEST_ENTITIES }));
    backend.add(itsmPlugin);
    const started = backend.start();
    try {
      await until(async () => migrationsStarted);
      await until(
        async () =>
          typeof (await statusOf(`${base}/.backstage/health/v1/liveness`)) ===
          'number',
      );
      expect(await statusOf(`${base}/.backstage/health/v1/readiness`)).toBe(
        503,
      );
      expect(await statusOf(`${base}/api/itsm/health`)).toBe(503);

      release();
      await started;
      expect(await statusOf(`${base}/.backstage/health/v1/readiness`)).toBe(
        200,
      );
      const health = await fetch(`${base}/api/itsm/health`);
      expect(health.status).toBe(200);
      expect((await health.json()).migrations.pending).toEqual([]);
    } finally {
      jest.restoreAllMocks();
      release();
      await started.catch(() => undefined);
      await backend.stop();
      await knex.destroy();
    }
  });
});
