import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { catalogResponseError } from '../__testUtils__/catalogFailures';
import {
  TEST_ENTITIES,
  alertmanagerWebhook,
  firingAlert,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = { Authorization: mockCredentials.user.header('user:default/ben') };

type Server = Parameters<typeof request>[0];

describe('alerts whose catalog lookup fails', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    let knex: Knex;
    let failure: (() => Promise<Error>) | undefined;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const catalog = catalogServiceMock({ entities: TEST_ENTITIES });
      const lookUp = catalog.getEntityByRef.bind(catalog);
      catalog.getEntityByRef = (async (ref, options) => {
        if (failure) {
          throw await failure();
        }
        return lookUp(ref, options);
      }) as typeof catalog.getEntityByRef;
      const backend = await startTestBackend({
        features: [
          itsmPlugin,
          mockServices.database.factory({ knex }),
          createServiceFactory({
            service: catalogServiceRef,
            deps: {},
            factory: () => catalog,
          }),
        ],
      });
      server = backend.server;
    });

    afterEach(() => {
      failure = undefined;
    });

    function send(fingerprint: string, service: string) {
      return request(server)
        .post('/api/itsm/alerts/alertmanager')
        .set(ben)
        .send(
          alertmanagerWebhook([
            firingAlert({
              fingerprint,
              labels: { alertname: 'Broken', service, severity: 'warning' },
            }),
          ]),
        );
    }

    async function unrouted(fingerprint: string) {
      return knex('itsm_unrouted_alerts').where({ dedup_key: fingerprint });
    }

    it.each([
      ['a 400', () => catalogResponseError(400)],
      ['a 431', () => catalogResponseError(431)],
      ['a bad value', async () => new TypeError('internal parse detail')],
    ])(
      'sends the alert to the unrouted inbox after %s',
      async (what, thrown) => {
        failure = thrown;
        const fingerprint = `permanent-${what}-${databaseId}`;
        const res = await send(fingerprint, 'checkout-api');
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.body)).not.toContain('internal');
        expect(await unrouted(fingerprint)).toHaveLength(1);
        expect(
          await knex('itsm_incidents').where({ dedup_key: fingerprint }),
        ).toEqual([]);
      },
    );

    it.each([
      ['a 503', () => catalogResponseError(503)],
      ['a 429', () => catalogResponseError(429)],
      [
        'a network error',
        async () =>
          Object.assign(new Error('connect ECONNREFUSED 10.0.0.1'), {
            name: 'FetchError',
            code: 'ECONNREFUSED',
          }),
      ],
      [
        'a native fetch failure',
        async () =>
          new TypeError('fetch failed', { cause: new Error('ECONNRESET') }),
      ],
    ])('answers 503 without detail after %s', async (what, thrown) => {
      failure = thrown;
      const fingerprint = `transient-${what}-${databaseId}`;
      const res = await send(fingerprint, 'checkout-api');
      expect(res.status).toBe(503);
      expect(res.body.error.message).toBe(
        'The catalog could not be read to route the alert; try again later',
      );
      expect(await unrouted(fingerprint)).toEqual([]);
    });

    it.each(['../..', 'component:../..', '💥', 'x'.repeat(20_000)])(
      'routes a label the catalog could not hold as unmatched: %#',
      async service => {
        const fingerprint = `invalid-label-${service.length}-${service.slice(
          0,
          4,
        )}-${databaseId}`;
        failure = async () => new Error('the catalog must not be asked');
        const res = await send(fingerprint, service);
        expect(res.status).toBe(200);
        expect(await unrouted(fingerprint)).toHaveLength(1);
      },
    );
  });
});
