import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { CHANGE_ENTITIES } from '../__testUtils__/changeCatalog';
import { incidentInput } from '../__testUtils__/fixtures';
import {
  Server,
  UNKNOWN_ID,
  mockPermissions,
  optionSender,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(120_000);

const ben = userHeader('ben');
const ci = { Authorization: mockCredentials.service.header() };
const AUTH = 'component:default/auth-service';
const CHECKOUT = 'component:default/checkout-api';

describe('change routes', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const { permissions, allow } = mockPermissions();
    let server: Server;
    const send = optionSender(() => server, ben);

    beforeAll(async () => {
      server = await startItsmBackend({
        permissions,
        entities: CHANGE_ENTITIES,
        knex: await databases.init(databaseId),
      });
    });

    beforeEach(() => allow(AuthorizeResult.ALLOW));

    it('takes a curl-style deploy and shows it on the incident that follows', async () => {
      const deployedAt = new Date(Date.now() - 10 * 60_000).toISOString();
      const posted = await request(server)
        .post('/api/itsm/changes')
        .set(ci)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(
          JSON.stringify({
            entityRef: AUTH,
            summary: 'Deploy auth-service 2.4.1',
            version: '2.4.1',
            timestamp: deployedAt,
            dedupKey: `route-${databaseId}`,
          }),
        );
      expect(posted.status).toBe(202);
      expect(posted.body).toEqual({
        id: expect.any(String),
        entityRef: AUTH,
        duplicate: false,
      });
      const incident = await send('post', '/incidents', {
        body: incidentInput({ entityRef: CHECKOUT }),
      });
      const changes = await send(
        'get',
        `/incidents/${incident.body.number}/changes`,
      );
      expect(changes.status).toBe(200);
      expect(changes.body.items).toEqual([
        expect.objectContaining({
          change: expect.objectContaining({
            id: posted.body.id,
            version: '2.4.1',
          }),
          via: 'dependency',
          path: [CHECKOUT, AUTH],
        }),
      ]);
      const listed = await send(
        'get',
        `/changes?entityRef=${AUTH}&kind=deploy`,
      );
      expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(
        posted.body.id,
      );
    });

    it('answers a PagerDuty change event like PagerDuty does', async () => {
      const res = await send('post', '/alerts/pagerduty/v2/change/enqueue', {
        headers: ci,
        body: {
          routing_key: 'abc',
          payload: {
            summary: 'Flag checkout.v2 on',
            custom_details: { service: 'checkout-api', kind: 'feature_flag' },
          },
        },
      });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({
        status: 'success',
        message: 'Change event processed',
        id: expect.any(String),
        entity_ref: CHECKOUT,
      });
    });

    it('answers 400 naming the field, never a 5xx', async () => {
      const cases: [string, unknown, RegExp][] = [
        ['/changes', { entityRef: AUTH }, /summary: is required/],
        ['/changes', { summary: 'x', labels: { a: { b: 1 } } }, /labels.a/],
        [
          '/changes',
          { summary: 'x', timestamp: '1969-12-31T00:00:00Z' },
          /timestamp/,
        ],
        ['/changes', { summary: 'x', unknown: 1 }, /unknown/],
        [
          '/alerts/pagerduty/v2/change/enqueue',
          { payload: { summary: '' } },
          /payload.summary/,
        ],
        ['/alerts/pagerduty/v2/change/enqueue', [1, 2], /Invalid body/],
      ];
      for (const [path, body, message] of cases) {
        const res = await send('post', path, {
          headers: ci,
          body: body as object,
        });
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body.error.message).toMatch(message);
      }
      const garbled = await request(server)
        .post('/api/itsm/changes')
        .set(ci)
        .set('Content-Type', 'application/json')
        .send('{"summary": ');
      expect(garbled.status).toBe(400);
      const badCursor = await send('get', '/changes?cursor=abc');
      expect(badCursor.status).toBe(400);
    });

    it('needs a token, and answers 403 without the permissions', async () => {
      const anonymous = await request(server)
        .post('/api/itsm/changes')
        .set('Authorization', mockCredentials.none.header())
        .send({ summary: 'x' });
      expect(anonymous.status).toBe(401);
      allow(AuthorizeResult.DENY);
      for (const [method, path] of [
        ['post', '/changes'],
        ['post', '/alerts/pagerduty/v2/change/enqueue'],
        ['get', '/changes'],
      ] as const) {
        const res = await send(method, path, {
          headers: ci,
          body:
            method === 'post'
              ? { summary: 'x', payload: { summary: 'x' } }
              : undefined,
        });
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
    });

    it('answers 404 for unknown incidents and problems', async () => {
      expect(
        (await send('get', `/incidents/${UNKNOWN_ID}/changes`)).status,
      ).toBe(404);
      expect((await send('get', '/problems/PRB-999999/changes')).status).toBe(
        404,
      );
    });
  });
});
