import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import {
  TEST_ENTITIES,
  alertmanagerWebhook,
  eventsV2,
  firingAlert,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = { Authorization: mockCredentials.user.header('user:default/ben') };

type Server = Parameters<typeof request>[0];

describe('alert severities that are object keys or too long', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          itsmPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: TEST_ENTITIES }),
        ],
      });
      server = backend.server;
    });

    /** Impact and urgency of the incident opened for a dedup key. */
    async function levelsOf(dedupKey: string) {
      const incident = await knex('itsm_incidents')
        .where({ dedup_key: dedupKey })
        .first();
      return { impact: incident.impact, urgency: incident.urgency };
    }

    it.each(['__proto__', 'constructor', 'toString'])(
      'opens an Alertmanager incident at the default severity for %p',
      async severity => {
        const fingerprint = `am-${severity}-${databaseId}`;
        const alert = firingAlert({ fingerprint });
        const res = await request(server)
          .post('/api/itsm/alerts/alertmanager')
          .set(ben)
          .send(
            alertmanagerWebhook([
              { ...alert, labels: { ...alert.labels, severity } },
            ]),
          );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ opened: 1 });
        expect(await levelsOf(fingerprint)).toEqual({ impact: 2, urgency: 2 });
      },
    );

    it.each(['__proto__', 'constructor', 'toString'])(
      'opens an Events v2 incident at the default severity for %p',
      async severity => {
        const dedupKey = `pd-${severity}-${databaseId}`;
        const event = eventsV2({ dedup_key: dedupKey });
        const res = await request(server)
          .post('/api/itsm/alerts/pagerduty/v2/enqueue')
          .set(ben)
          .send({ ...event, payload: { ...event.payload, severity } });
        expect(res.status).toBe(202);
        expect(await levelsOf(dedupKey)).toEqual({ impact: 2, urgency: 2 });
      },
    );

    it('keeps an unrouted alert whose severity is wider than its column', async () => {
      const fingerprint = `wide-severity-${databaseId}`;
      const res = await request(server)
        .post('/api/itsm/alerts/alertmanager')
        .set(ben)
        .send(
          alertmanagerWebhook([
            firingAlert({
              fingerprint,
              labels: { alertname: 'NodeDown', severity: 'S'.repeat(300) },
            }),
          ]),
        );
      expect(res.status).toBe(200);
      const unrouted = await knex('itsm_unrouted_alerts')
        .where({ dedup_key: fingerprint })
        .first();
      expect(unrouted.severity).toBe(`${'s'.repeat(254)}…`);
    });
  });
});
