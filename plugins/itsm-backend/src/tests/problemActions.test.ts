import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { actionInvoker } from '../__testUtils__/actionTestKit';
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

describe('problem, known error and analysis actions', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const { permissions, allow } = mockPermissions();
    let server: Server;
    let incident: any;
    let knownError: any;
    let draft: any;
    const invoke = actionInvoker(() => server, ben);
    const send = (method: 'post' | 'patch', path: string, body: object) =>
      sendChecked(server, method, path, ben, body);

    beforeAll(async () => {
      allow(AuthorizeResult.ALLOW);
      const knex = await databases.init(databaseId);
      server = await startItsmBackend({
        permissions,
        entities: TRIAGE_ENTITIES,
        knex,
      });
      incident = (await send('post', '/incidents', incidentInput())).body;
      const problem = (
        await send('post', '/problems', {
          title: 'Redis cache evicts sessions under memory pressure',
          statement: 'Sessions vanish when the cache is full',
          entityRef: ORDERS_DB,
          affectedEntityRefs: [PAYMENTS],
          category: 'capacity',
          impact: 2,
          urgency: 2,
        })
      ).body;
      const documented = (
        await send('patch', `/problems/${problem.id}`, {
          version: 1,
          rootCause: 'maxmemory-policy allkeys-lru',
          workaround: 'Raise maxmemory and restart payments-api',
        })
      ).body;
      knownError = (
        await send('post', `/problems/${problem.id}/known-error`, {
          version: documented.version,
        })
      ).body;
      draft = (
        await send('post', '/problems', {
          title: 'Slow checkout queries',
          statement: 'p99 above 2 s',
          entityRef: CHECKOUT,
          category: 'performance',
          impact: 3,
          urgency: 3,
        })
      ).body;
    });

    beforeEach(() => allow(AuthorizeResult.ALLOW));

    it('lists problems by entity, status, known error flag and words', async () => {
      const published = await invoke('list-problems', { knownError: true });
      expect(published.status).toBe(200);
      expect(published.body.output.items.map((p: any) => p.number)).toEqual([
        knownError.number,
      ]);
      const byEntity = await invoke('list-problems', {
        entityRef: [CHECKOUT],
        status: ['new'],
      });
      expect(byEntity.body.output.items.map((p: any) => p.number)).toEqual([
        draft.number,
      ]);
      const byWords = await invoke('list-problems', {
        text: 'slow checkout',
        limit: 1,
      });
      expect(byWords.body.output.items).toEqual([
        expect.objectContaining({ id: draft.id }),
      ]);
    });

    it('reads a problem by number or uuid, with its timeline', async () => {
      for (const id of [knownError.number, knownError.id]) {
        const res = await invoke('get-problem', { id });
        expect(res.status).toBe(200);
        expect(res.body.output.problem).toMatchObject({
          id: knownError.id,
          knownError: true,
          workaround: 'Raise maxmemory and restart payments-api',
          rootCause: 'maxmemory-policy allkeys-lru',
        });
        expect(res.body.output.timeline.items[0].kind).toBe('created');
      }
    });

    it('finds a known error by the words of its symptoms and by an affected entity', async () => {
      const byWords = await invoke('search-known-errors', {
        text: 'redis cache evicts',
      });
      expect(byWords.status).toBe(200);
      expect(byWords.body.output.items).toEqual([
        expect.objectContaining({
          number: knownError.number,
          workaround: 'Raise maxmemory and restart payments-api',
        }),
      ]);
      const byEntity = await invoke('search-known-errors', {
        entityRef: [PAYMENTS],
      });
      expect(byEntity.body.output.items.map((p: any) => p.id)).toEqual([
        knownError.id,
      ]);
      const elsewhere = await invoke('search-known-errors', {
        entityRef: [CHECKOUT],
        text: 'redis',
      });
      expect(elsewhere.body.output.items).toEqual([]);
    });

    it('opens a problem from an incident and puts the incident on hold', async () => {
      const res = await invoke('create-problem-from-incident', {
        incidentId: incident.number,
        holdIncident: true,
      });
      expect(res.status).toBe(200);
      expect(res.body.output.problem).toMatchObject({
        number: expect.stringMatching(/^PRB-\d{6}$/),
        title: incident.title,
        source: 'from_incident',
      });
      const held = await invoke('get-incident', { id: incident.number });
      expect(held.body.output.incident).toMatchObject({
        status: 'on_hold',
        holdReason: 'awaiting_problem',
        problemId: res.body.output.problem.id,
      });
      const again = await invoke('create-problem-from-incident', {
        incidentId: incident.number,
      });
      expect(again.status).toBe(409);
      expect(again.body.error.name).toBe('ConflictError');
    });

    it('analyses an entity, a group and a system over a window', async () => {
      const entity = await invoke('get-reliability-analysis', {
        entityRef: CHECKOUT,
      });
      expect(entity.status).toBe(200);
      expect(entity.body.output.scope).toMatchObject({
        kind: 'entity',
        ref: CHECKOUT,
      });
      expect(entity.body.output.incidents).toBeDefined();
      const group = await invoke('get-reliability-analysis', {
        ownerRef: 'group:default/checkout-team',
        from: '2020-01-01T00:00:00Z',
        to: Date.parse('2020-03-01T00:00:00Z'),
      });
      expect(group.status).toBe(200);
      expect(group.body.output).toMatchObject({
        scope: { kind: 'owner', ref: 'group:default/checkout-team' },
        window: {
          from: '2020-01-01T00:00:00.000Z',
          to: '2020-03-01T00:00:00.000Z',
        },
      });
    });

    it.each([
      ['list-problems', {}],
      ['get-problem', { id: 'PRB-000001' }],
      ['search-known-errors', { text: 'redis' }],
      ['create-problem-from-incident', { incidentId: 'INC-000001' }],
      ['get-reliability-analysis', { entityRef: CHECKOUT }],
    ])(
      '%s answers 403 when denied and changes nothing',
      async (name, input) => {
        const before = await invoke('list-problems', { limit: 100 });
        allow(AuthorizeResult.DENY);
        const res = await invoke(name, input);
        expect(res.status).toBe(403);
        expect(res.body.error.name).toBe('NotAllowedError');
        allow(AuthorizeResult.ALLOW);
        expect((await invoke('list-problems', { limit: 100 })).body).toEqual(
          before.body,
        );
      },
    );

    it.each([
      [
        'list-problems',
        { knownError: 'maybe' },
        'knownError: must be true or false',
      ],
      ['list-problems', { sort: 'relevance' }, 'sort: relevance needs text'],
      ['get-problem', { id: 'PRB-000001', cursor: 'nonsense' }, 'cursor'],
      [
        'search-known-errors',
        { text: '??' },
        'text: must contain a letter or digit',
      ],
      ['search-known-errors', { entityRef: ['not a ref'] }, 'entityRef'],
      [
        'create-problem-from-incident',
        { incidentId: 'INC-000001', title: '' },
        'title: must not be empty',
      ],
      [
        'get-reliability-analysis',
        { entityRef: CHECKOUT, systemRef: 'system:default/checkout' },
        'systemRef',
      ],
      ['get-reliability-analysis', { from: 'yesterday' }, 'from'],
      [
        'get-reliability-analysis',
        { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
        'from: must be before to',
      ],
    ])(
      '%s answers 400 naming the field for %j',
      async (name, input, message) => {
        const res = await invoke(name, input);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toContain(message);
      },
    );

    it.each([
      ['list-problems', { groupRef: 'group:default/nobody' }],
      ['get-problem', { id: 'PRB-999999' }],
      ['get-problem', { id: UNKNOWN_ID }],
      ['create-problem-from-incident', { incidentId: 'INC-999999' }],
    ])('%s answers 404 for %j', async (name, input) => {
      const res = await invoke(name, input);
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
    });
  });
});
