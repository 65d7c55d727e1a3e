import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
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

const auth = userHeader('ben');

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

describe('ITSM router', () => {
  const { permissions, allow } = mockPermissions();
  let server: Server;
  let incident: any;
  let problem: any;

  async function send(
    method: Method,
    path: string,
    body?: object,
    headers: Record<string, string> = auth,
  ) {
    return sendChecked(server, method, path, headers, body);
  }

  beforeAll(async () => {
    allow(AuthorizeResult.ALLOW);
    server = await startItsmBackend({ permissions, entities: TEST_ENTITIES });
    incident = (await send('post', '/incidents', incidentInput())).body;
    problem = (
      await send('post', '/problems', {
        title: 'Pool exhaustion',
        statement: 'Checkout loses database connections at peak',
        category: 'capacity',
        impact: 2,
        urgency: 2,
      })
    ).body;
  });

  beforeEach(() => allow(AuthorizeResult.ALLOW));

  const routes = (): [Method, string, object | undefined][] => [
    ['get', '/incidents', undefined],
    ['post', '/incidents', incidentInput()],
    ['get', `/incidents/${incident.id}`, undefined],
    ['patch', `/incidents/${incident.id}`, { version: 1, title: 'x' }],
    [
      'post',
      `/incidents/${incident.id}/transitions`,
      { version: 1, to: 'in_progress' },
    ],
    ['get', `/incidents/${incident.id}/timeline`, undefined],
    ['post', `/incidents/${incident.id}/notes`, { body: 'Looking' }],
    ['get', `/incidents/${incident.id}/postmortem`, undefined],
    ['put', `/incidents/${incident.id}/postmortem`, { summary: 'S' }],
    ['post', `/incidents/${incident.id}/problem`, {}],
    ['get', '/problems', undefined],
    [
      'post',
      '/problems',
      { title: 'T', statement: 'S', category: 'data', impact: 3, urgency: 3 },
    ],
    ['get', `/problems/${problem.id}`, undefined],
    ['patch', `/problems/${problem.id}`, { version: 1, title: 'x' }],
    [
      'post',
      `/problems/${problem.id}/transitions`,
      { version: 1, to: 'assess' },
    ],
    ['post', `/problems/${problem.id}/known-error`, { version: 1 }],
    ['get', `/problems/${problem.id}/timeline`, undefined],
    ['post', `/problems/${problem.id}/notes`, { body: 'Note' }],
    ['post', `/problems/${problem.id}/incidents/${incident.id}`, {}],
    ['delete', `/problems/${problem.id}/incidents/${incident.id}`, undefined],
    ['get', '/known-errors', undefined],
    [
      'get',
      `/action-items?parentType=problem&parentId=${problem.id}`,
      undefined,
    ],
    ['get', '/action-items', undefined],
    ['get', '/action-items?parentType=incident', undefined],
    [
      'get',
      '/action-items?parentType=problem&ownerRef=user:default/ben',
      undefined,
    ],
    ['get', '/action-items?status=open', undefined],
    ['get', '/action-items?overdue=true', undefined],
    ['get', '/action-items?overdue=false&status=done', undefined],
    ['get', '/alerts/unrouted?status=pending', undefined],
    [
      'post',
      '/action-items',
      { parentType: 'problem', parentId: problem.id, title: 'Raise pool size' },
    ],
    ['patch', `/action-items/${UNKNOWN_ID}`, { version: 1, status: 'done' }],
    ['get', '/entity-summary?entityRef=component:default/checkout', undefined],
    ['get', '/analysis?entityRef=component:default/checkout-api', undefined],
  ];

  it('answers 401 on every route without a token', async () => {
    for (const [method, path, body] of routes()) {
      const res = await send(method, path, body, {
        Authorization: mockCredentials.none.header(),
      });
      expect({ method, path, status: res.status }).toEqual({
        method,
        path,
        status: 401,
      });
    }
  });

  it('answers 403 on every route when the policy denies, changing nothing', async () => {
    const before = await send('get', '/incidents');
    allow(AuthorizeResult.DENY);
    for (const [method, path, body] of routes()) {
      const res = await send(method, path, body);
      expect({ method, path, status: res.status }).toEqual({
        method,
        path,
        status: path.startsWith('/action-items/') ? 404 : 403,
      });
    }
    allow(AuthorizeResult.ALLOW);
    const after = await send('get', `/incidents/${incident.id}`);
    expect(after.body).toEqual(before.body.items[0]);
    expect(
      (await send('get', `/incidents/${incident.id}/timeline`)).body.items,
    ).toHaveLength(1);
  });

  it.each<[Method, string, object | undefined, RegExp]>([
    [
      'post',
      '/incidents',
      { ...incidentInput(), impact: 7 },
      /impact: must be 1, 2 or 3/,
    ],
    [
      'post',
      '/incidents',
      { ...incidentInput(), title: undefined },
      /title: is required/,
    ],
    [
      'post',
      '/incidents',
      { ...incidentInput(), title: 'x'.repeat(201) },
      /title: must be at most 200 characters/,
    ],
    [
      'post',
      '/incidents',
      { ...incidentInput(), reporterRef: 'user:default/eve' },
      /reporterRef/,
    ],
    [
      'post',
      '/incidents',
      { ...incidentInput(), entityRef: 'component:default/ghost' },
      /component:default\/ghost' does not exist/,
    ],
    ['get', '/incidents?limit=500', undefined, /limit: must be at most 100/],
    ['get', '/incidents?status=open', undefined, /status.0: must be one of/],
    ['get', '/incidents?cursor=bm9wZQ', undefined, /cursor is malformed/],
    [
      'get',
      '/problems?knownError=maybe',
      undefined,
      /knownError: must be true or false/,
    ],
    ['post', '/problems', { title: 'T' }, /statement: is required/],
    [
      'post',
      '/action-items',
      { parentType: 'change', parentId: 'x', title: 't' },
      /parentType: must be one of incident, problem/,
    ],
    [
      'get',
      `/action-items?parentId=${UNKNOWN_ID}`,
      undefined,
      /parentId: needs parentType/,
    ],
    [
      'get',
      '/known-errors?entityRef=payments-api',
      undefined,
      /entityRef: 'payments-api' is not an entity ref/,
    ],
    [
      'get',
      '/analysis?from=yesterday',
      undefined,
      /from: must be epoch milliseconds or an ISO 8601 time/,
    ],
    [
      'get',
      '/analysis?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z',
      undefined,
      /from: must be before to/,
    ],
    [
      'get',
      '/analysis?from=0&to=1790000000000',
      undefined,
      /from: must be at most 731 days before to/,
    ],
    [
      'get',
      '/analysis?entityRef=component:default/a&ownerRef=group:default/b',
      undefined,
      /ownerRef: give only one of entityRef, ownerRef and systemRef/,
    ],
    [
      'get',
      '/analysis?systemRef=component:default/checkout-api',
      undefined,
      /systemRef: 'component:default\/checkout-api' must be a system entity/,
    ],
    ['get', '/analysis?window=7d', undefined, /Unrecognized key.*window/],
    [
      'get',
      '/analysis?entityRef=a&entityRef=b',
      undefined,
      /entityRef: must be given once/,
    ],
  ])(
    'answers 400 naming the field for %s %s',
    async (method, path, body, message) => {
      const res = await send(method, path, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    },
  );

  it('answers 400 naming the allowed moves on an illegal transition', async () => {
    const res = await send('post', `/incidents/${incident.id}/transitions`, {
      version: incident.version,
      to: 'closed',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "cannot move incident from 'new' to 'closed'; allowed: in_progress, on_hold, resolved, cancelled",
    );
  });

  it.each<[Method, string, object | undefined]>([
    ['get', `/incidents/${UNKNOWN_ID}`, undefined],
    ['get', '/incidents/INC-999999', undefined],
    ['get', '/incidents/not-an-id', undefined],
    ['patch', `/incidents/${UNKNOWN_ID}`, { version: 1, title: 'x' }],
    [
      'post',
      `/incidents/${UNKNOWN_ID}/transitions`,
      { version: 1, to: 'in_progress' },
    ],
    ['get', `/incidents/${UNKNOWN_ID}/timeline`, undefined],
    ['post', `/incidents/${UNKNOWN_ID}/notes`, { body: 'x' }],
    ['get', `/incidents/${UNKNOWN_ID}/postmortem`, undefined],
    ['put', `/incidents/${UNKNOWN_ID}/postmortem`, { summary: 'x' }],
    ['post', `/incidents/${UNKNOWN_ID}/problem`, {}],
    ['get', `/problems/${UNKNOWN_ID}`, undefined],
    ['patch', `/problems/${UNKNOWN_ID}`, { version: 1, title: 'x' }],
    [
      'post',
      `/problems/${UNKNOWN_ID}/transitions`,
      { version: 1, to: 'assess' },
    ],
    ['post', `/problems/${UNKNOWN_ID}/known-error`, { version: 1 }],
    ['get', `/problems/${UNKNOWN_ID}/timeline`, undefined],
    ['post', `/problems/${UNKNOWN_ID}/notes`, { body: 'x' }],
    ['post', `/problems/PRB-999999/incidents/${UNKNOWN_ID}`, {}],
    ['delete', `/problems/PRB-999999/incidents/${UNKNOWN_ID}`, undefined],
    ['patch', `/action-items/${UNKNOWN_ID}`, { version: 1, status: 'done' }],
  ])('answers 404 for unknown ids: %s %s', async (method, path, body) => {
    const res = await send(method, path, body);
    expect(res.status).toBe(404);
  });

  it('answers 409 to a stale version and keeps the first edit', async () => {
    const fresh = (await send('post', '/incidents', incidentInput())).body;
    const first = await send('patch', `/incidents/${fresh.id}`, {
      version: fresh.version,
      title: 'First edit',
    });
    expect(first.status).toBe(200);
    const second = await send('patch', `/incidents/${fresh.id}`, {
      version: fresh.version,
      title: 'Second edit',
    });
    expect(second.status).toBe(409);
    expect((await send('get', `/incidents/${fresh.id}`)).body.title).toBe(
      'First edit',
    );
    for (const [path, body] of [
      [`/incidents/${fresh.id}/transitions`, { version: 1, to: 'in_progress' }],
      [`/problems/${problem.id}`, { version: 99, title: 'x' }],
      [`/problems/${problem.id}/transitions`, { version: 99, to: 'assess' }],
    ] as const) {
      const method = path.endsWith('transitions') ? 'post' : 'patch';
      expect((await send(method, path, body)).status).toBe(409);
    }
  });

  it('takes the reporter and timeline actor from the token, never the body', async () => {
    const res = await request(server)
      .post('/api/itsm/incidents')
      .set(userHeader('alice'))
      .send(incidentInput());
    expect(res.status).toBe(201);
    expect(res.body.reporterRef).toBe('user:default/alice');
    const timeline = await send('get', `/incidents/${res.body.id}/timeline`);
    expect(timeline.body.items[0].actorRef).toBe('user:default/alice');
  });

  it('answers an analysis that matches the OpenAPI document', async () => {
    const from = Date.now() - 30 * 24 * 60 * 60 * 1000;
    const res = await send(
      'get',
      `/analysis?entityRef=component:default/checkout-api&from=${from}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({
      kind: 'entity',
      ref: 'component:default/checkout-api',
      entityRefs: ['component:default/checkout-api'],
    });
    expect(res.body.window.from).toBe(new Date(from).toISOString());
    expect(res.body.incidents.total).toBeGreaterThan(0);
    const org = await send('get', '/analysis');
    expect(org.status).toBe(200);
    expect(org.body.scope.kind).toBe('organization');
    expect(
      Date.parse(org.body.window.to) - Date.parse(org.body.window.from),
    ).toBe(90 * 24 * 60 * 60 * 1000);
  });

  it('answers /health without a token, with the migration applied', async () => {
    const res = await request(server).get('/api/itsm/health');
    expect(res.status).toBe(200);
    expect(res.body.migrations.pending).toEqual([]);
  });
});
