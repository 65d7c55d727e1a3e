import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { actionInvoker, listActions } from '../__testUtils__/actionTestKit';
import { incidentInput } from '../__testUtils__/fixtures';
import {
  CHECKOUT,
  PAYMENTS,
  TRIAGE_ENTITIES,
} from '../__testUtils__/triageFixture';
import {
  Server,
  UNKNOWN_ID,
  mockPermissions,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(120_000);

const ben = userHeader('ben');

const ACTIONS = [
  'list-incidents',
  'get-incident',
  'create-incident',
  'add-incident-note',
  'transition-incident',
  'list-problems',
  'get-problem',
  'search-known-errors',
  'create-problem-from-incident',
  'get-reliability-analysis',
  'get-incident-changes',
  'get-problem-changes',
];

describe('incident actions', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const { permissions, allow } = mockPermissions();
    let server: Server;
    let incident: any;
    const invoke = actionInvoker(() => server, ben);

    beforeAll(async () => {
      allow(AuthorizeResult.ALLOW);
      const knex = await databases.init(databaseId);
      server = await startItsmBackend({
        permissions,
        entities: TRIAGE_ENTITIES,
        knex,
      });
      incident = (
        await invoke(
          'create-incident',
          incidentInput({ title: 'Checkout pool exhausted under load' }),
        )
      ).body.output.incident;
      await invoke(
        'create-incident',
        incidentInput({
          title: 'Payments slow',
          entityRef: PAYMENTS,
          impact: 3,
          urgency: 3,
        }),
      );
    });

    beforeEach(() => allow(AuthorizeResult.ALLOW));

    it('lists every action with a description of each input field', async () => {
      const res = await listActions(server, ben);
      expect(res.status).toBe(200);
      const actions = res.body.actions as any[];
      expect(actions.map(a => a.name).sort()).toEqual([...ACTIONS].sort());
      for (const action of actions) {
        expect(action.description.length).toBeGreaterThan(40);
        expect(action.schema.input.type).toBe('object');
        for (const [field, schema] of Object.entries<any>(
          action.schema.input.properties,
        )) {
          expect([action.name, field, schema.description?.length > 10]).toEqual(
            [action.name, field, true],
          );
        }
      }
      const create = actions.find(a => a.name === 'create-incident');
      expect(create.schema.input.required).toEqual(
        expect.arrayContaining(['title', 'entityRef', 'impact', 'urgency']),
      );
      expect(create.attributes).toEqual({
        readOnly: false,
        destructive: false,
        idempotent: false,
      });
    });

    it('creates an incident with the caller as reporter', async () => {
      expect(incident).toMatchObject({
        number: expect.stringMatching(/^INC-\d{6}$/),
        entityRef: CHECKOUT,
        status: 'new',
        priority: 2,
        reporterRef: 'user:default/ben',
        version: 1,
      });
    });

    it('lists incidents by entity, status, priority and words, one page at a time', async () => {
      const byEntity = await invoke('list-incidents', {
        entityRef: ['component:checkout-api'],
        status: ['new'],
        priority: [2],
      });
      expect(byEntity.status).toBe(200);
      expect(byEntity.body.output.items.map((i: any) => i.number)).toEqual([
        incident.number,
      ]);
      const byWords = await invoke('list-incidents', {
        text: 'pool exhausted',
      });
      expect(byWords.body.output.items[0].number).toBe(incident.number);
      const firstPage = await invoke('list-incidents', { limit: 1 });
      expect(firstPage.body.output.items).toHaveLength(1);
      const secondPage = await invoke('list-incidents', {
        limit: 1,
        cursor: firstPage.body.output.nextCursor,
      });
      expect(secondPage.body.output.items).toHaveLength(1);
      expect(secondPage.body.output.items[0].id).not.toBe(
        firstPage.body.output.items[0].id,
      );
    });

    it('reads an incident by number or uuid, with its timeline', async () => {
      for (const id of [incident.number, incident.id]) {
        const res = await invoke('get-incident', { id });
        expect(res.status).toBe(200);
        expect(res.body.output.incident.id).toBe(incident.id);
        expect(res.body.output.incident.description).toBe(incident.description);
        expect(res.body.output.timeline.items[0]).toMatchObject({
          kind: 'created',
          actorRef: 'user:default/ben',
        });
      }
    });

    it('says what changed before an incident, with the path, and refuses a caller who may not read changes', async () => {
      const posted = await request(server)
        .post('/api/itsm/changes')
        .set(ben)
        .send({
          entityRef: incident.entityRef,
          kind: 'deploy',
          summary: 'Deploy checkout-api 7.1.0',
          timestamp: new Date(
            Date.parse(incident.detectedAt) - 10 * 60_000,
          ).toISOString(),
        });
      expect(posted.status).toBe(202);
      const res = await invoke('get-incident-changes', { id: incident.number });
      expect(res.status).toBe(200);
      expect(res.body.output.items).toEqual([
        expect.objectContaining({
          change: expect.objectContaining({
            summary: 'Deploy checkout-api 7.1.0',
          }),
          path: [incident.entityRef],
        }),
      ]);

      allow(AuthorizeResult.DENY);
      const denied = await invoke('get-incident-changes', {
        id: incident.number,
      });
      expect(denied.status).toBe(403);
    });

    it('posts a public status update and an internal note', async () => {
      const update = await invoke('add-incident-note', {
        id: incident.number,
        body: 'Mitigation in progress',
        visibility: 'public',
      });
      expect(update.status).toBe(200);
      expect(update.body.output.event).toMatchObject({
        kind: 'status_update',
        body: 'Mitigation in progress',
      });
      const note = await invoke('add-incident-note', {
        id: incident.id,
        body: 'Pool size is 10',
      });
      expect(note.body.output.event.kind).toBe('note');
    });

    it('acknowledges, refuses a stale version, and resolves with the required fields', async () => {
      const current = (await invoke('get-incident', { id: incident.number }))
        .body.output.incident;
      const acknowledged = await invoke('transition-incident', {
        id: incident.number,
        version: current.version,
        to: 'in_progress',
      });
      expect(acknowledged.status).toBe(200);
      expect(acknowledged.body.output.incident).toMatchObject({
        status: 'in_progress',
        acknowledgedAt: expect.any(String),
      });
      const stale = await invoke('transition-incident', {
        id: incident.number,
        version: current.version,
        to: 'on_hold',
        holdReason: 'awaiting_vendor',
      });
      expect(stale.status).toBe(409);
      const unexplained = await invoke('transition-incident', {
        id: incident.number,
        version: acknowledged.body.output.incident.version,
        to: 'resolved',
        resolutionCode: 'workaround',
      });
      expect(unexplained.status).toBe(400);
      expect(unexplained.body.error.message).toContain('resolutionNotes');
      const resolved = await invoke('transition-incident', {
        id: incident.number,
        version: acknowledged.body.output.incident.version,
        to: 'resolved',
        resolutionCode: 'workaround',
        resolutionNotes: 'Pods restarted',
      });
      expect(resolved.body.output.incident.status).toBe('resolved');
    });

    it('acts for a service principal, recorded as that service', async () => {
      const res = await invoke('create-incident', incidentInput(), {
        headers: { Authorization: mockCredentials.service.header() },
      });
      expect(res.status).toBe(200);
      expect(res.body.output.incident.reporterRef).toBe(
        'service:external:test-service',
      );
    });

    it('refuses an anonymous caller', async () => {
      const res = await invoke(
        'list-incidents',
        {},
        { headers: { Authorization: mockCredentials.none.header() } },
      );
      expect(res.status).toBe(401);
    });

    it.each([
      ['list-incidents', {}],
      ['get-incident', { id: 'INC-000001' }],
      ['create-incident', incidentInput()],
      ['add-incident-note', { id: 'INC-000001', body: 'Denied' }],
      [
        'transition-incident',
        { id: 'INC-000001', version: 1, to: 'cancelled' },
      ],
    ])(
      '%s answers 403 when denied and changes nothing',
      async (name, input) => {
        const before = (await invoke('get-incident', { id: 'INC-000001' })).body
          .output;
        allow(AuthorizeResult.DENY);
        const res = await invoke(name, input);
        expect(res.status).toBe(403);
        expect(res.body.error.name).toBe('NotAllowedError');
        allow(AuthorizeResult.ALLOW);
        const after = (await invoke('get-incident', { id: 'INC-000001' })).body
          .output;
        expect(after).toEqual(before);
      },
    );

    it.each([
      [
        'list-incidents',
        { priority: [7] },
        'priority.0: must be 1, 2, 3, 4 or 5',
      ],
      ['list-incidents', { statuses: ['new'] }, 'statuses'],
      [
        'get-incident',
        { id: 'INC-000001', limit: 0 },
        'limit: must be at least 1',
      ],
      [
        'create-incident',
        incidentInput({ impact: 4 }),
        'impact: must be 1, 2 or 3',
      ],
      [
        'create-incident',
        incidentInput({ title: ' ' }),
        'title: must not be empty',
      ],
      [
        'add-incident-note',
        { id: 'INC-000001', body: 'x', visibility: 'everyone' },
        'visibility: must be one of internal, public',
      ],
      [
        'transition-incident',
        { id: 'INC-000001', version: 1, to: 'paused' },
        'to: must be one of',
      ],
      [
        'create-incident',
        incidentInput({ entityRef: 'component:default/gone' }),
        'entityRef',
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

    it('answers 400 when a required field is missing, as the registry checks its schema', async () => {
      const res = await invoke('add-incident-note', { id: incident.number });
      expect(res.status).toBe(400);
    });

    it.each([
      ['list-incidents', { systemRef: 'system:default/nowhere' }],
      ['get-incident', { id: 'INC-999999' }],
      ['get-incident', { id: UNKNOWN_ID }],
      ['get-incident-changes', { id: 'INC-999999' }],
      ['get-problem-changes', { id: 'PRB-999999' }],
      ['add-incident-note', { id: UNKNOWN_ID, body: 'Lost' }],
      [
        'transition-incident',
        { id: 'INC-999999', version: 1, to: 'cancelled' },
      ],
    ])('%s answers 404 for %j', async (name, input) => {
      const res = await invoke(name, input);
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
    });
  });
});
