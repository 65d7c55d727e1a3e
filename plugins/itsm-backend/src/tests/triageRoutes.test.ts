import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { incidentInput } from '../__testUtils__/fixtures';
import {
  CHECKOUT,
  ORDERS_DB,
  PAYMENTS,
  TRIAGE_ENTITIES,
} from '../__testUtils__/triageFixture';
import {
  Server,
  UNKNOWN_ID,
  mockPermissions,
  sendChecked,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(120_000);

const ben = userHeader('ben');

type Method = 'get' | 'post' | 'patch';

describe('triage routes', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const { permissions, allow } = mockPermissions();
    let server: Server;
    let incident: any;
    let knownError: any;

    /** Sends a request and checks the response against the OpenAPI document. */
    async function send(
      method: Method,
      path: string,
      body?: object,
      headers: Record<string, string> = ben,
    ) {
      return sendChecked(server, method, path, headers, body);
    }

    beforeAll(async () => {
      allow(AuthorizeResult.ALLOW);
      const knex = await databases.init(databaseId);
      server = await startItsmBackend({
        permissions,
        entities: TRIAGE_ENTITIES,
        knex,
      });
      incident = (
        await send(
          'post',
          '/incidents',
          incidentInput({ title: 'Orders pool exhausted at checkout' }),
        )
      ).body;
      const problem = (
        await send('post', '/problems', {
          title: 'Orders pool exhausted',
          statement: 'Ten connections for all pods',
          entityRef: ORDERS_DB,
          category: 'capacity',
          impact: 2,
          urgency: 2,
        })
      ).body;
      const documented = (
        await send('patch', `/problems/${problem.id}`, {
          version: 1,
          rootCause: 'Pool size is 10',
          workaround: 'Restart payments-api',
        })
      ).body;
      knownError = (
        await send('post', `/problems/${problem.id}/known-error`, {
          version: documented.version,
        })
      ).body;
    });

    beforeEach(() => allow(AuthorizeResult.ALLOW));

    const routes = (): [Method, string, object | undefined][] => [
      [
        'get',
        `/incidents/possible-duplicates?entityRef=${CHECKOUT}&text=pool`,
        undefined,
      ],
      ['get', `/incidents/${incident.id}/duplicates`, undefined],
      ['get', `/incidents/${incident.id}/known-errors`, undefined],
      [
        'post',
        `/incidents/${incident.id}/known-error`,
        { version: incident.version, problemId: knownError.number },
      ],
    ];

    it('answers 401 on every triage route without a token', async () => {
      for (const [method, path, body] of routes()) {
        const res = await send(method, path, body, {
          Authorization: mockCredentials.none.header(),
        });
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
    });

    it('answers 403 on every triage route when the policy denies', async () => {
      allow(AuthorizeResult.DENY);
      for (const [method, path, body] of routes()) {
        const res = await send(method, path, body);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
    });

    it.each<[Method, string, object | undefined, RegExp]>([
      [
        'get',
        '/incidents/possible-duplicates',
        undefined,
        /entityRef: is required/,
      ],
      [
        'get',
        '/incidents/possible-duplicates?entityRef=checkout-api',
        undefined,
        /entityRef: 'checkout-api' is not an entity ref/,
      ],
      [
        'get',
        `/incidents/possible-duplicates?entityRef=${CHECKOUT}&entityRef=${PAYMENTS}`,
        undefined,
        /entityRef: must be given once/,
      ],
      [
        'get',
        `/incidents/possible-duplicates?entityRef=${CHECKOUT}&limit=5`,
        undefined,
        /Unrecognized key.*limit/,
      ],
      [
        'post',
        `/incidents/${UNKNOWN_ID}/known-error`,
        { version: 1 },
        /problemId: is required/,
      ],
      [
        'post',
        `/incidents/${UNKNOWN_ID}/known-error`,
        { problemId: 'PRB-000001' },
        /version: is required/,
      ],
      [
        'patch',
        `/incidents/${UNKNOWN_ID}`,
        { version: 1, reason: 'x'.repeat(2001) },
        /reason: must be at most 2000 characters/,
      ],
      [
        'post',
        `/incidents/${UNKNOWN_ID}/transitions`,
        { version: 1, to: 'resolved', duplicateOf: '' },
        /duplicateOf: must not be empty/,
      ],
    ])(
      'answers 400 naming the field: %s %s',
      async (method, path, body, message) => {
        const res = await send(method, path, body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      },
    );

    it.each<[Method, string, object | undefined]>([
      [
        'get',
        '/incidents/possible-duplicates?entityRef=component:default/ghost',
        undefined,
      ],
      ['get', `/incidents/${UNKNOWN_ID}/duplicates`, undefined],
      ['get', '/incidents/INC-999999/known-errors', undefined],
      [
        'post',
        `/incidents/${UNKNOWN_ID}/known-error`,
        { version: 1, problemId: 'PRB-000001' },
      ],
      [
        'post',
        `/incidents/INC-000001/known-error`,
        { version: 1, problemId: 'PRB-999999' },
      ],
    ])('answers 404 for unknown ids: %s %s', async (method, path, body) => {
      const res = await send(method, path, body);
      expect(res.status).toBe(404);
    });

    it('suggests, confirms and resolves duplicates through the API', async () => {
      const suggested = await send(
        'get',
        `/incidents/possible-duplicates?entityRef=${CHECKOUT}&text=pool`,
      );
      expect(suggested.status).toBe(200);
      expect(suggested.body.items[0]).toMatchObject({
        incident: { id: incident.id },
        via: 'entity',
        path: [CHECKOUT],
        matchedWords: 1,
      });

      const candidates = await send(
        'get',
        `/incidents/${incident.number}/known-errors`,
      );
      expect(candidates.body.items).toEqual([
        expect.objectContaining({
          problem: expect.objectContaining({ id: knownError.id }),
          via: 'dependency',
          path: [CHECKOUT, PAYMENTS, ORDERS_DB],
        }),
      ]);

      const confirmed = await send(
        'post',
        `/incidents/${incident.id}/known-error`,
        { version: incident.version, problemId: knownError.number },
      );
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({
        problemId: knownError.id,
        workaround: 'Restart payments-api',
      });
      const stale = await send(
        'post',
        `/incidents/${incident.id}/known-error`,
        {
          version: incident.version,
          problemId: knownError.number,
        },
      );
      expect(stale.status).toBe(409);

      const duplicate = (await send('post', '/incidents', incidentInput()))
        .body;
      const resolved = await send(
        'post',
        `/incidents/${duplicate.id}/transitions`,
        {
          version: 1,
          to: 'resolved',
          resolutionCode: 'duplicate',
          duplicateOf: incident.number,
        },
      );
      expect(resolved.status).toBe(200);
      expect(resolved.body.duplicateOf).toEqual({
        id: incident.id,
        number: incident.number,
      });
      const duplicates = await send(
        'get',
        `/incidents/${incident.id}/duplicates`,
      );
      expect(duplicates.body.items.map((i: any) => i.id)).toEqual([
        duplicate.id,
      ]);
      const missing = await send(
        'post',
        `/incidents/${duplicate.id}/transitions`,
        { version: 2, to: 'in_progress', duplicateOf: incident.number },
      );
      expect(missing.status).toBe(400);
    });
  });
});
