import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex, KnexTimeoutError } from 'knex';
import request from 'supertest';
import {
  TEST_ENTITIES,
  alertmanagerWebhook,
  firingAlert,
  incidentInput,
} from '../__testUtils__/fixtures';
import {
  Server,
  mockPermissions,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(120_000);

const ben = userHeader('ben');

/** A driver error as `pg` reports it: a message and a SQLSTATE code. */
function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

/** Ways the database fails under a request, each a retry can cure. */
const FAILURES: [string, 'query' | 'acquire', () => Error][] = [
  [
    'a session dropped by the server (57P01)',
    'query',
    () =>
      pgError('57P01', 'terminating connection due to administrator command'),
  ],
  [
    'a broken connection (08006)',
    'query',
    () => pgError('08006', 'Connection terminated unexpectedly'),
  ],
  [
    'a serialization failure (40001)',
    'query',
    () =>
      pgError('40001', 'could not serialize access due to concurrent update'),
  ],
  [
    'a refused connection (ECONNREFUSED)',
    'acquire',
    () =>
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      }),
  ],
  [
    'a pool timeout (KnexTimeoutError)',
    'acquire',
    () =>
      new KnexTimeoutError(
        'Knex: Timeout acquiring a connection. The pool is probably full.',
      ),
  ],
];

/** A representative request of each kind: lists, reads, creates, edits, alerts. */
interface Probe {
  route: string;
  method: 'get' | 'post' | 'patch' | 'put';
  path: (id: string) => string;
  body?: object;
}

const REQUESTS: Probe[] = [
  { route: 'GET /incidents', method: 'get', path: () => '/incidents' },
  {
    route: 'GET /incidents/:id',
    method: 'get',
    path: id => `/incidents/${id}`,
  },
  {
    route: 'POST /incidents',
    method: 'post',
    path: () => '/incidents',
    body: incidentInput(),
  },
  {
    route: 'PATCH /incidents/:id',
    method: 'patch',
    path: id => `/incidents/${id}`,
    body: { version: 1, title: 'Edited' },
  },
  {
    route: 'POST /incidents/:id/notes',
    method: 'post',
    path: id => `/incidents/${id}/notes`,
    body: { body: 'Looking' },
  },
  {
    route: 'PUT /incidents/:id/postmortem',
    method: 'put',
    path: id => `/incidents/${id}/postmortem`,
    body: { summary: 'Gateway' },
  },
  { route: 'GET /problems', method: 'get', path: () => '/problems' },
  { route: 'GET /known-errors', method: 'get', path: () => '/known-errors' },
  { route: 'GET /action-items', method: 'get', path: () => '/action-items' },
  {
    route: 'GET /analysis',
    method: 'get',
    path: () => '/analysis?entityRef=component:default/checkout-api',
  },
  {
    route: 'GET /alerts/unrouted',
    method: 'get',
    path: () => '/alerts/unrouted',
  },
  {
    route: 'POST /alerts/alertmanager',
    method: 'post',
    path: () => '/alerts/alertmanager',
    body: alertmanagerWebhook([firingAlert()]),
  },
  { route: 'GET /status', method: 'get', path: () => '/status' },
];

describe('database trouble', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    let knex: Knex;
    let incidentId: string;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const { permissions, allow } = mockPermissions();
      allow(AuthorizeResult.ALLOW);
      server = await startItsmBackend({
        permissions,
        entities: TEST_ENTITIES,
        knex,
      });
      const created = await request(server)
        .post('/api/itsm/incidents')
        .set(ben)
        .send(incidentInput())
        .expect(201);
      incidentId = created.body.id;
    });

    afterEach(() => {
      jest.restoreAllMocks();
    });

    /**
     * Makes the driver fail: every statement or every connection taken from
     * the pool. Statements fail on the dialect's prototype, which
     * transactions' clients inherit from.
     */
    function failWith(where: 'query' | 'acquire', error: () => Error) {
      const target =
        where === 'query' ? Object.getPrototypeOf(knex.client) : knex.client;
      const method = where === 'query' ? '_query' : 'acquireConnection';
      jest
        .spyOn(target as Record<string, () => Promise<unknown>>, method)
        .mockImplementation(() => Promise.reject(error()));
    }

    describe.each(FAILURES)('with %s', (_name, where, error) => {
      it.each(REQUESTS)(
        '$route answers 503 without the driver message',
        async ({ method, path, body }) => {
          failWith(where, error);
          const req = request(server)
            [method](`/api/itsm${path(incidentId)}`)
            .set(ben);
          const res = body ? await req.send(body) : await req;
          expect(res.status).toBe(503);
          expect(res.body.error.name).toBe('ServiceUnavailableError');
          expect(res.body.error.message).not.toMatch(
            /terminat|ECONNREFUSED|serialize|Knex|select|insert|update/i,
          );
        },
      );
    });

    it('answers again once the database is back', async () => {
      failWith('query', FAILURES[0][2]);
      const down = await request(server).get('/api/itsm/incidents').set(ben);
      expect(down.status).toBe(503);
      jest.restoreAllMocks();
      const up = await request(server).get('/api/itsm/incidents').set(ben);
      expect(up.status).toBe(200);
    });
  });
});
