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
  firingAlert,
} from '../__testUtils__/fixtures';
import { validateResponse } from '../schema/__testUtils__/openApiContract';

jest.setTimeout(120_000);

const ben = { Authorization: mockCredentials.user.header('user:default/ben') };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type Server = Parameters<typeof request>[0];

describe('unrouted inbox routes: dismiss and count', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const permissions = mockServices.permissions.mock();
    let server: Server;
    let knex: Knex;

    function allow(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
      permissions.authorize.mockImplementation(async reqs =>
        reqs.map(() => ({ result })),
      );
      permissions.authorizeConditional.mockImplementation(async reqs =>
        reqs.map(() => ({ result })),
      );
    }

    /** Sends a request and checks the response against the OpenAPI document. */
    async function send(
      method: 'get' | 'post',
      path: string,
      options: { body?: object; headers?: Record<string, string> } = {},
    ) {
      const req = request(server)
        [method](`/api/itsm${path}`)
        .set(options.headers ?? ben);
      const res = options.body ? await req.send(options.body) : await req;
      expect(
        validateResponse({ method, path, status: res.status, body: res.body }),
      ).toEqual([]);
      return res;
    }

    async function pendingAlertId(fingerprint: string): Promise<string> {
      await send('post', '/alerts/alertmanager', {
        body: alertmanagerWebhook([
          firingAlert({ fingerprint, labels: { alertname: 'NodeDown' } }),
        ]),
      });
      const inbox = await send('get', '/alerts/unrouted?status=pending');
      return inbox.body.items.find(
        (a: { dedupKey: string }) => a.dedupKey === fingerprint,
      ).id;
    }

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          itsmPlugin,
          permissions.factory,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: TEST_ENTITIES }),
        ],
      });
      server = backend.server;
    });

    beforeEach(() => allow(AuthorizeResult.ALLOW));

    it('dismisses a pending alert with a reason and counts what is left', async () => {
      const id = await pendingAlertId(`dismiss-${databaseId}`);
      const before = await send('get', '/alerts/unrouted/count?status=pending');
      expect(before.status).toBe(200);

      const dismissed = await send('post', `/alerts/unrouted/${id}/dismiss`, {
        body: { reason: '  Lab node, not production ' },
      });
      expect(dismissed.status).toBe(200);
      expect(dismissed.body).toMatchObject({
        id,
        status: 'dismissed',
        dismissReason: 'Lab node, not production',
        dismissedBy: 'user:default/ben',
      });
      const after = await send('get', '/alerts/unrouted/count?status=pending');
      expect(after.body).toEqual({ count: before.body.count - 1 });
      const listed = await send('get', '/alerts/unrouted?status=dismissed');
      expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(id);

      const again = await send('post', `/alerts/unrouted/${id}/dismiss`, {
        body: { reason: 'Again' },
      });
      expect(again.status).toBe(409);
      const missing = await send(
        'post',
        `/alerts/unrouted/${UNKNOWN_ID}/dismiss`,
        { body: { reason: 'Noise' } },
      );
      expect(missing.status).toBe(404);
    });

    it.each<['get' | 'post', string, object | undefined, RegExp]>([
      [
        'post',
        `/alerts/unrouted/${UNKNOWN_ID}/dismiss`,
        {},
        /reason: is required/,
      ],
      [
        'post',
        `/alerts/unrouted/${UNKNOWN_ID}/dismiss`,
        { reason: '   ' },
        /reason: must not be empty/,
      ],
      [
        'post',
        `/alerts/unrouted/${UNKNOWN_ID}/dismiss`,
        { reason: 'x'.repeat(501) },
        /reason: must be at most 500 characters/,
      ],
      [
        'get',
        '/alerts/unrouted/count?status=open',
        undefined,
        /status: must be one of pending, assigned, dismissed/,
      ],
    ])(
      'answers 400 naming the field: %s %s',
      async (method, path, body, message) => {
        const res = await send(method, path, { body });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      },
    );

    it('answers 401 without a token and 403 when denied, changing nothing', async () => {
      const id = await pendingAlertId(`denied-${databaseId}`);
      const routes: ['get' | 'post', string, object | undefined][] = [
        ['get', '/alerts/unrouted/count?status=pending', undefined],
        ['post', `/alerts/unrouted/${id}/dismiss`, { reason: 'Noise' }],
      ];
      for (const [method, path, body] of routes) {
        const anonymous = await send(method, path, {
          body,
          headers: { Authorization: mockCredentials.none.header() },
        });
        expect(anonymous.status).toBe(401);
        allow(AuthorizeResult.DENY);
        const denied = await send(method, path, { body });
        expect(denied.status).toBe(403);
        allow(AuthorizeResult.ALLOW);
      }
      const row = await knex('itsm_unrouted_alerts').where({ id }).first();
      expect(row.status).toBe('pending');
    });
  });
});
