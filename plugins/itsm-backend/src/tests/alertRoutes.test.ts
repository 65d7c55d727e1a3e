import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
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
  userHeader,
  sendChecked as send,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(120_000);

const ben = userHeader('ben');

describe('alert routes', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const { permissions, allow } = mockPermissions();
    let server: Server;
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await startItsmBackend({
        permissions,
        entities: TEST_ENTITIES,
        knex,
      });
    });

    beforeEach(() => allow(AuthorizeResult.ALLOW));

    it('opens, repeats and resolves through the Alertmanager webhook', async () => {
      const fingerprint = `route-${databaseId}`;
      const webhook = alertmanagerWebhook([firingAlert({ fingerprint })]);
      const first = await send(
        server,
        'post',
        '/alerts/alertmanager',
        ben,
        webhook,
      );
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ opened: 1, repeated: 0 });
      const second = await send(
        server,
        'post',
        '/alerts/alertmanager',
        ben,
        webhook,
      );
      expect(second.body).toMatchObject({ opened: 0, repeated: 1 });
      const resolved = await send(
        server,
        'post',
        '/alerts/alertmanager',
        ben,
        alertmanagerWebhook([firingAlert({ fingerprint, status: 'resolved' })]),
      );
      expect(resolved.body).toMatchObject({ resolved: 1 });
      const incident = await knex('itsm_incidents')
        .where({ dedup_key: fingerprint })
        .first();
      expect(Number(incident.occurrence_count)).toBe(2);
      expect(incident.reporter_ref).toBe('user:default/ben');
    });

    it('answers a PagerDuty event with 202 and its dedup key, like PagerDuty', async () => {
      const res = await send(
        server,
        'post',
        '/alerts/pagerduty/v2/enqueue',
        ben,
        eventsV2({ dedup_key: `pd-${databaseId}` }),
      );
      expect(res.status).toBe(202);
      expect(res.body).toEqual({
        status: 'success',
        message: 'Event processed',
        dedup_key: `pd-${databaseId}`,
      });
    });

    it('parses payloads sent without a JSON content type', async () => {
      const res = await request(server)
        .post('/api/itsm/alerts/pagerduty/v2/enqueue')
        .set({ ...ben, 'Content-Type': 'text/plain' })
        .send(JSON.stringify(eventsV2({ dedup_key: `plain-${databaseId}` })));
      expect(res.status).toBe(202);
    });

    it('lists the unrouted inbox and assigns an alert, opening its incident', async () => {
      const fingerprint = `stray-${databaseId}`;
      await send(
        server,
        'post',
        '/alerts/alertmanager',
        ben,
        alertmanagerWebhook([
          firingAlert({ fingerprint, labels: { alertname: 'NodeDown' } }),
        ]),
      );
      const inbox = await send(
        server,
        'get',
        '/alerts/unrouted?status=pending',
        ben,
      );
      expect(inbox.status).toBe(200);
      const alert = inbox.body.items.find(
        (a: { dedupKey: string }) => a.dedupKey === fingerprint,
      );
      expect(alert).toMatchObject({ status: 'pending', occurrenceCount: 1 });
      const assigned = await send(
        server,
        'post',
        `/alerts/unrouted/${alert.id}/assign`,
        ben,
        { entityRef: 'component:default/checkout-api' },
      );
      expect(assigned.status).toBe(201);
      expect(assigned.body.incident).toMatchObject({
        entityRef: 'component:default/checkout-api',
        dedupKey: fingerprint,
      });
      const again = await send(
        server,
        'post',
        `/alerts/unrouted/${alert.id}/assign`,
        ben,
        { entityRef: 'component:default/checkout-api' },
      );
      expect(again.status).toBe(409);
      const missing = await send(
        server,
        'post',
        '/alerts/unrouted/00000000-0000-4000-8000-000000000000/assign',
        ben,
        { entityRef: 'component:default/checkout-api' },
      );
      expect(missing.status).toBe(404);
    });

    it.each<['get' | 'post', string, object | undefined, RegExp]>([
      ['post', '/alerts/alertmanager', { version: '4' }, /alerts: is required/],
      [
        'post',
        '/alerts/alertmanager',
        alertmanagerWebhook([{ status: 'firing', labels: { a: {} } }]),
        /alerts.0.labels.a: must be a string/,
      ],
      [
        'post',
        '/alerts/pagerduty/v2/enqueue',
        { event_action: 'snooze' },
        /event_action: must be one of trigger, acknowledge, resolve/,
      ],
      [
        'post',
        '/alerts/pagerduty/v2/enqueue',
        { event_action: 'trigger' },
        /payload: is required to trigger/,
      ],
      [
        'get',
        '/alerts/unrouted?status=done',
        undefined,
        /status: must be one of pending, assigned, dismissed/,
      ],
      [
        'post',
        '/alerts/unrouted/00000000-0000-4000-8000-000000000000/assign',
        {},
        /entityRef: is required/,
      ],
    ])(
      'answers 400 naming the field: %s %s',
      async (method, path, body, message) => {
        const res = await send(server, method, path, ben, body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      },
    );

    it('answers 400 to malformed JSON', async () => {
      const res = await request(server)
        .post('/api/itsm/alerts/alertmanager')
        .set({ ...ben, 'Content-Type': 'application/json' })
        .send('{"alerts": [');
      expect(res.status).toBe(400);
    });

    it.each<['get' | 'post', string, object | undefined]>([
      ['post', '/alerts/alertmanager', alertmanagerWebhook([firingAlert()])],
      ['post', '/alerts/pagerduty/v2/enqueue', eventsV2()],
      ['get', '/alerts/unrouted', undefined],
      [
        'post',
        '/alerts/unrouted/00000000-0000-4000-8000-000000000000/assign',
        { entityRef: 'component:default/checkout-api' },
      ],
    ])(
      'checks users too: 401 without a token, 403 when denied: %s %s',
      async (method, path, body) => {
        const before = Number(
          (await knex('itsm_incidents').count('* as n'))[0].n,
        );
        const anonymous = await send(
          server,
          method,
          path,
          {
            Authorization: mockCredentials.none.header(),
          },
          body,
        );
        expect(anonymous.status).toBe(401);
        allow(AuthorizeResult.DENY);
        const denied = await send(server, method, path, ben, body);
        expect(denied.status).toBe(403);
        expect(
          Number((await knex('itsm_incidents').count('* as n'))[0].n),
        ).toBe(before);
      },
    );
  });
});

describe('alert routes with external access tokens', () => {
  const tokens = {
    alertmanager: 'alertmanager-token-0123456789',
    otherPlugin: 'catalog-only-token-0123456789',
    readOnly: 'itsm-read-only-token-0123456789',
  };
  let server: Server;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        itsmPlugin,
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
        catalogServiceMock.factory({ entities: TEST_ENTITIES }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: {
                      token: tokens.alertmanager,
                      subject: 'alertmanager',
                    },
                    accessRestrictions: [
                      { plugin: 'itsm', permission: 'itsm.alert.ingest' },
                    ],
                  },
                  {
                    type: 'static',
                    options: { token: tokens.otherPlugin, subject: 'scanner' },
                    accessRestrictions: [{ plugin: 'catalog' }],
                  },
                  {
                    type: 'static',
                    options: { token: tokens.readOnly, subject: 'reporting' },
                    accessRestrictions: [
                      { plugin: 'itsm', permission: 'itsm.incident.read' },
                    ],
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const webhook = alertmanagerWebhook([firingAlert({ fingerprint: 'ext' })]);

  it('accepts a token restricted to itsm and itsm.alert.ingest', async () => {
    const res = await send(
      server,
      'post',
      '/alerts/alertmanager',
      bearer(tokens.alertmanager),
      webhook,
    );
    expect(res.status).toBe(200);
    expect(res.body.opened).toBe(1);
    const pd = await send(
      server,
      'post',
      '/alerts/pagerduty/v2/enqueue',
      bearer(tokens.alertmanager),
      eventsV2(),
    );
    expect(pd.status).toBe(202);
  });

  it('answers 401 without a token or with an unknown one', async () => {
    for (const headers of [{}, bearer('not-a-known-token-at-all')]) {
      const res = await send(
        server,
        'post',
        '/alerts/alertmanager',
        headers,
        webhook,
      );
      expect(res.status).toBe(401);
    }
  });

  it('answers 403 to tokens for another plugin or another permission', async () => {
    for (const token of [tokens.otherPlugin, tokens.readOnly]) {
      const res = await send(
        server,
        'post',
        '/alerts/alertmanager',
        bearer(token),
        webhook,
      );
      expect({ token, status: res.status }).toEqual({ token, status: 403 });
    }
  });

  it('does not let the ingest token read incidents', async () => {
    const res = await request(server)
      .get('/api/itsm/incidents')
      .set(bearer(tokens.alertmanager));
    expect(res.status).toBe(403);
  });
});
