import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { TEST_ENTITIES, incidentInput } from '../__testUtils__/fixtures';
import {
  Server,
  UNKNOWN_ID,
  mockPermissions,
  sendChecked,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(60_000);

const ben = userHeader('ben');

type Method = 'get' | 'put' | 'delete';

describe('follow routes', () => {
  const { permissions, allow } = mockPermissions();
  const notifications = { send: jest.fn() };
  const signals = { publish: jest.fn() };
  let server: Server;
  let incident: any;
  let problem: any;

  async function send(
    method: Method | 'post',
    path: string,
    headers: Record<string, string> = ben,
    body?: object,
  ) {
    return sendChecked(server, method, path, headers, body);
  }

  beforeAll(async () => {
    allow(AuthorizeResult.ALLOW);
    notifications.send.mockRejectedValue(new Error('notifications are down'));
    server = await startItsmBackend({
      permissions,
      entities: TEST_ENTITIES,
      features: [
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => notifications,
        }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => signals,
        }),
      ],
    });
    incident = (await send('post', '/incidents', ben, incidentInput())).body;
    problem = (
      await send('post', '/problems', ben, {
        title: 'Pool exhaustion',
        statement: 'Checkout loses database connections at peak',
        category: 'capacity',
        impact: 2,
        urgency: 2,
      })
    ).body;
  });

  beforeEach(() => allow(AuthorizeResult.ALLOW));

  const paths = () => [
    `/incidents/${incident.id}/follow`,
    `/problems/${problem.id}/follow`,
    '/entity-follows?entityRef=component:default/checkout-api',
  ];

  it('keeps a change whose notifications fail, and sends them after the response', async () => {
    expect(incident.number).toMatch(/^INC-/);
    await expect(
      send('get', `/incidents/${incident.id}`).then(res => res.status),
    ).resolves.toBe(200);
    await waitFor(() => notifications.send.mock.calls.length > 0);
    expect(notifications.send.mock.calls[0][0]).toMatchObject({
      recipients: { entityRef: ['group:default/checkout-team'] },
      payload: {
        topic: 'incident-opened',
        scope: `itsm:incident:${incident.id}`,
      },
    });
    await waitFor(() =>
      signals.publish.mock.calls.some(
        ([signal]) => signal.channel === `itsm:incident:${incident.id}`,
      ),
    );
  });

  it('follows and unfollows records and entities idempotently, by uuid or number', async () => {
    for (const path of [
      `/incidents/${incident.number}/follow`,
      `/problems/${problem.number}/follow`,
      '/entity-follows?entityRef=component:checkout-api',
    ]) {
      expect((await send('get', path)).body).toEqual({
        following: false,
        followers: 0,
      });
      expect((await send('put', path)).body).toEqual({
        following: true,
        followers: 1,
      });
      expect((await send('put', path)).body).toEqual({
        following: true,
        followers: 1,
      });
      expect((await send('get', path, userHeader('alice'))).body).toEqual({
        following: false,
        followers: 1,
      });
      expect((await send('delete', path)).body).toEqual({
        following: false,
        followers: 0,
      });
      expect((await send('delete', path)).body).toEqual({
        following: false,
        followers: 0,
      });
    }
  });

  it('lists the audience of a public update with each reason', async () => {
    await send('put', `/incidents/${incident.id}/follow`, userHeader('alice'));
    await send(
      'put',
      '/entity-follows?entityRef=component:default/checkout-api',
      ben,
    );
    const res = await send('get', `/incidents/${incident.number}/audience`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      recipients: [
        { entityRef: 'group:default/checkout-team', reasons: ['owner'] },
        { entityRef: 'user:default/ben', reasons: ['reporter', 'follower'] },
        { entityRef: 'user:default/alice', reasons: ['follower'] },
      ],
    });
  });

  it('answers 401 without a token', async () => {
    for (const path of [...paths(), `/incidents/${incident.id}/audience`]) {
      for (const method of ['get', 'put', 'delete'] as const) {
        if (path.endsWith('audience') && method !== 'get') continue;
        const res = await send(method, path, {
          Authorization: mockCredentials.none.header(),
        });
        expect({ method, path, status: res.status }).toEqual({
          method,
          path,
          status: 401,
        });
      }
    }
  });

  it('answers 403 when the caller may not read the record, following nothing', async () => {
    allow(AuthorizeResult.DENY);
    for (const path of [
      ...paths().slice(0, 2),
      `/incidents/${incident.id}/audience`,
    ]) {
      const method = path.endsWith('audience') ? 'get' : 'put';
      const res = await send(method, path, userHeader('carol'));
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    allow(AuthorizeResult.ALLOW);
    expect(
      (
        await send(
          'get',
          `/incidents/${incident.id}/follow`,
          userHeader('carol'),
        )
      ).body,
    ).toMatchObject({ following: false });
  });

  it('answers 403 to a service that tries to follow', async () => {
    const res = await send('put', `/incidents/${incident.id}/follow`, {
      Authorization: mockCredentials.service.header(),
    });
    expect(res.status).toBe(403);
  });

  it('answers 404 for unknown records and entities', async () => {
    for (const path of [
      `/incidents/${UNKNOWN_ID}/follow`,
      '/problems/PRB-999999/follow',
      `/incidents/INC-999999/audience`,
      '/entity-follows?entityRef=component:default/nowhere',
    ]) {
      const res = await send(path.endsWith('audience') ? 'get' : 'put', path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('answers 400 naming entityRef for a bad or missing ref', async () => {
    for (const path of [
      '/entity-follows?entityRef=checkout-api',
      '/entity-follows',
    ]) {
      const res = await send('put', path);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('entityRef');
    }
  });
});

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  expect(condition()).toBe(true);
}
