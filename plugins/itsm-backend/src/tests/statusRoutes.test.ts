import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { incidentInput } from '../__testUtils__/fixtures';
import { STATUS_ENTITIES } from '../__testUtils__/statusCatalog';
import {
  Server,
  mockPermissions,
  optionSender,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(60_000);

const auth = userHeader('ben');
const UPSTREAM = '/entities/upstream-incidents';

describe('status and upstream routes', () => {
  const { permissions, allow } = mockPermissions();
  let server: Server;

  const send = optionSender(() => server, auth);

  beforeAll(async () => {
    allow(AuthorizeResult.ALLOW);
    server = await startItsmBackend({ permissions, entities: STATUS_ENTITIES });
    const incident = await send('post', '/incidents', {
      body: incidentInput({
        entityRef: 'resource:default/payments-db',
        impact: 1,
        urgency: 1,
      }),
    });
    await send('post', `/incidents/${incident.body.id}/notes`, {
      body: { body: 'Database failover in progress', visibility: 'public' },
    });
    await send('post', `/incidents/${incident.body.id}/notes`, {
      body: { body: 'Replica lag is 40 s', visibility: 'internal' },
    });
  });

  beforeEach(() => allow(AuthorizeResult.ALLOW));

  it('answers 401 without a token', async () => {
    const none = { Authorization: mockCredentials.none.header() };
    for (const path of [
      '/status',
      `${UPSTREAM}?entityRef=component:checkout-api`,
    ]) {
      expect((await send('get', path, { headers: none })).status).toBe(401);
    }
  });

  it('shows the status page to every signed-in user, without internal notes', async () => {
    allow(AuthorizeResult.DENY);
    const res = await send('get', '/status');
    expect(res.status).toBe(200);
    const payments = res.body.systems.find(
      (s: { title: string }) => s.title === 'Payments',
    );
    expect(payments.state).toBe('major_outage');
    expect(res.body.updates.map((u: { body: string }) => u.body)).toEqual([
      'Database failover in progress',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('Replica lag');
  });

  it('lists the open incidents upstream of an entity, with the path', async () => {
    const res = await send(
      'get',
      `${UPSTREAM}?entityRef=component:checkout-api`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      incident: { priority: 1, entityRef: 'resource:default/payments-db' },
      path: [
        'component:default/checkout-api',
        'component:default/payments-api',
        'resource:default/payments-db',
      ],
    });
  });

  it('answers 400 naming entityRef', async () => {
    for (const path of [
      UPSTREAM,
      `${UPSTREAM}?entityRef=component:`,
      `${UPSTREAM}?entityRef=`,
    ]) {
      const res = await send('get', path);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/entityRef/);
    }
  });

  it('answers 404 for an unknown entity', async () => {
    const res = await send(
      'get',
      `${UPSTREAM}?entityRef=component:default/nowhere`,
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/entityRef/);
  });

  it('answers 403 when the caller may not read incidents', async () => {
    allow(AuthorizeResult.DENY);
    const res = await send(
      'get',
      `${UPSTREAM}?entityRef=component:checkout-api`,
    );
    expect(res.status).toBe(403);
  });
});
