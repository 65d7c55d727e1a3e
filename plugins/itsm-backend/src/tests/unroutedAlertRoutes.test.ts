import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import {
  TEST_ENTITIES,
  alertmanagerWebhook,
  firingAlert,
} from '../__testUtils__/fixtures';
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

describe('unrouted inbox routes: dismiss and count', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const { permissions, allow } = mockPermissions();
    let server: Server;
    let knex: Knex;

    const send = optionSender(() => server, ben);

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
      server = await startItsmBackend({
        permissions,
        entities: TEST_ENTITIES,
        knex,
      });
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
