import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import {
  TEST_ENTITIES,
  alertmanagerWebhook,
  eventsV2,
  firingAlert,
} from '../__testUtils__/fixtures';
import {
  Server,
  mockPermissions,
  startItsmBackend,
} from '../__testUtils__/routeTestKit';
import { MAX_PAYLOAD_STRING, TOO_DEEP_MARKER } from '../shared/boundedJson';

jest.setTimeout(120_000);

const alertmanager = {
  Authorization: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('external:alertmanager'),
    targetPluginId: 'itsm',
  }),
  'Content-Type': 'application/json',
};

/** JSON text of an array nested `depth` levels deep, built without recursion. */
function deepJson(depth: number): string {
  return `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}`;
}

/** A JSON body with `deep` spliced in where the placeholder string was. */
function withDeepValue(body: object, depth: number): string {
  return JSON.stringify(body).replace('"DEEP"', deepJson(depth));
}

describe('alert payload bounds', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const { permissions, allow } = mockPermissions();
      allow(AuthorizeResult.ALLOW);
      server = await startItsmBackend({
        permissions,
        entities: TEST_ENTITIES,
        knex,
      });
    });

    async function lastPayload() {
      const row = await knex('itsm_alert_deliveries')
        .orderBy('id', 'desc')
        .first('payload', 'outcome');
      return { outcome: row.outcome, payload: row.payload as string };
    }

    it('keeps a PagerDuty event whose custom details nest 100,000 levels deep, with a marker', async () => {
      const event = eventsV2({
        dedup_key: 'deep-details',
        payload: { ...eventsV2().payload, custom_details: { deep: 'DEEP' } },
      });
      const res = await request(server)
        .post('/api/itsm/alerts/pagerduty/v2/enqueue')
        .set(alertmanager)
        .send(withDeepValue(event, 100_000));
      expect(res.status).toBe(202);
      const stored = await lastPayload();
      expect(stored.outcome).toBe('accepted');
      expect(stored.payload).toContain(TOO_DEEP_MARKER);
      const incident = await request(server)
        .get('/api/itsm/incidents?text=p99')
        .set({
          Authorization: mockCredentials.user.header('user:default/ben'),
        });
      expect(incident.body.items[0].description).toContain(TOO_DEEP_MARKER);
    });

    it('keeps an Alertmanager alert whose ignored fields nest deep', async () => {
      const body = alertmanagerWebhook([
        firingAlert({ fingerprint: 'deadbeef00000001', extra: 'DEEP' }),
      ]);
      const res = await request(server)
        .post('/api/itsm/alerts/alertmanager')
        .set(alertmanager)
        .send(withDeepValue({ ...body, commonLabels: 'DEEP' }, 100_000));
      expect(res.status).toBe(200);
      expect(res.body.opened + res.body.repeated).toBe(1);
      expect((await lastPayload()).payload).toContain(TOO_DEEP_MARKER);
    });

    it('cuts a custom detail of most of a megabyte, with a marker', async () => {
      const huge = 'x'.repeat(900_000);
      const res = await request(server)
        .post('/api/itsm/alerts/pagerduty/v2/enqueue')
        .set(alertmanager)
        .send(
          eventsV2({
            dedup_key: 'huge-details',
            payload: { ...eventsV2().payload, custom_details: { huge } },
          }),
        );
      expect(res.status).toBe(202);
      const { payload } = await lastPayload();
      expect(payload.length).toBeLessThan(MAX_PAYLOAD_STRING + 2_000);
      expect(payload).toContain(
        `…[cut ${900_000 - MAX_PAYLOAD_STRING} characters]`,
      );
    });
  });
});
