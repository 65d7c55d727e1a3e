import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { readStatusStates } from '../services/status/statusConfig';
import {
  createTestServices,
  incidentInput,
  userCaller,
} from '../__testUtils__/fixtures';
import { STATUS_ENTITIES } from '../__testUtils__/statusCatalog';
import { resolveWithWorkaround } from '../__testUtils__/recordSteps';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const DAY = 24 * 60 * 60 * 1000;
const CHECKOUT = 'component:default/checkout-api';
const PAYMENTS = 'component:default/payments-api';
const PAYMENTS_DB = 'resource:default/payments-db';

describe('status page and upstream incidents', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup(config?: object) {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const clock = { now: Date.parse('2026-11-01T10:00:00Z') };
      const { services, permissions } = createTestServices(knex, {
        now: () => (clock.now += 1000),
        entities: STATUS_ENTITIES,
        config: { itsm: config ?? {} },
      });
      const open = (entityRef: string, impact: 1 | 2 | 3, urgency: 1 | 2 | 3) =>
        services.incidents.create(
          incidentInput({
            entityRef,
            impact,
            urgency,
            title: `On ${entityRef}`,
          }),
          ben,
        );
      return { services, permissions, clock, open };
    }

    it('derives each state from the worst open incident and rolls it up to the system', async () => {
      const { services, open } = await setup();
      await open(PAYMENTS, 2, 2); // P3
      const p1 = await open(PAYMENTS_DB, 1, 1);
      await open(CHECKOUT, 1, 2); // P2

      const page = await services.status.read(ben);
      expect(page.systems.map(s => [s.title, s.state])).toEqual([
        ['Payments', 'major_outage'],
        ['Shop', 'partial_outage'],
      ]);
      const payments = page.systems[0];
      expect(
        payments.components.map(c => [c.entityRef, c.title, c.state]),
      ).toEqual([
        [PAYMENTS, 'Payments API', 'degraded'],
        [PAYMENTS_DB, 'payments-db', 'major_outage'],
      ]);
      expect(payments.components[1].openIncidents).toEqual([
        {
          number: p1.number,
          title: `On ${PAYMENTS_DB}`,
          priority: 1,
          status: 'new',
        },
      ]);
      const shop = page.systems[1];
      expect(shop.components.map(c => [c.title, c.state])).toEqual([
        ['checkout-api', 'partial_outage'],
        ['storefront', 'operational'],
      ]);
    });

    it('maps priorities to states as configured', async () => {
      const { services, open } = await setup({
        status: { states: { 1: 'partial_outage', 3: 'operational' } },
      });
      await open(PAYMENTS_DB, 1, 1);
      await open(CHECKOUT, 2, 2); // P3
      const page = await services.status.read(ben);
      expect(page.systems.map(s => [s.title, s.state])).toEqual([
        ['Payments', 'partial_outage'],
        ['Shop', 'operational'],
      ]);
    });

    it('shows public updates of open incidents only, never internal notes', async () => {
      const { services, open } = await setup();
      const incident = await open(PAYMENTS, 1, 1);
      const done = await open(CHECKOUT, 1, 1);
      const note = (
        id: string,
        visibility: 'internal' | 'public',
        body: string,
      ) =>
        services.incidents.addNote({
          idOrNumber: id,
          input: { visibility, body },
          caller: ben,
        });
      await note(incident.id, 'public', 'Payments fail; we are on it');
      await note(incident.id, 'internal', 'Suspect the pool size');
      await note(incident.id, 'public', 'Failover started');
      await note(done.id, 'public', 'Checkout fixed');
      await resolveWithWorkaround(services, done.id, ben);

      const page = await services.status.read(ben);
      expect(
        page.updates.map(u => [u.incidentNumber, u.entityRef, u.body]),
      ).toEqual([
        [incident.number, PAYMENTS, 'Failover started'],
        [incident.number, PAYMENTS, 'Payments fail; we are on it'],
      ]);
      expect(JSON.stringify(page)).not.toContain('Suspect the pool size');
    });

    it('lists incidents resolved in the last 7 days', async () => {
      const { services, open, clock } = await setup();
      const resolve = async (entityRef: string) => {
        const incident = await open(entityRef, 1, 2);
        await resolveWithWorkaround(services, incident.id, ben);
        return incident;
      };
      await resolve(PAYMENTS);
      clock.now += 5 * DAY;
      const recent = await resolve(CHECKOUT);
      clock.now += 3 * DAY;

      const page = await services.status.read(ben);
      expect(page.resolved).toEqual([
        {
          number: recent.number,
          title: `On ${CHECKOUT}`,
          entityRef: CHECKOUT,
          priority: 2,
          resolvedAt: expect.any(String),
        },
      ]);
      expect(page.systems.every(s => s.state === 'operational')).toBe(true);
      expect(Date.parse(page.generatedAt)).toBe(clock.now);
    });

    it('lists open P1 and P2 incidents upstream of an entity with their path', async () => {
      const { services, open } = await setup();
      const db = await open(PAYMENTS_DB, 1, 1);
      const api = await open(PAYMENTS, 1, 2);
      await open(PAYMENTS, 2, 2); // P3: not a warning
      await open(CHECKOUT, 1, 1); // the entity's own incident

      const { items } = await services.upstreamIncidents.list(CHECKOUT, ben);
      expect(items.map(i => [i.incident.number, i.path])).toEqual([
        [db.number, [CHECKOUT, PAYMENTS, PAYMENTS_DB]],
        [api.number, [CHECKOUT, PAYMENTS]],
      ]);
      expect(items[0].incident).toEqual({
        id: db.id,
        number: db.number,
        title: `On ${PAYMENTS_DB}`,
        priority: 1,
        status: 'new',
        entityRef: PAYMENTS_DB,
      });
      expect(
        (await services.upstreamIncidents.list(PAYMENTS_DB, ben)).items,
      ).toEqual([]);
    });

    it('follows dependsOn only as deep as itsm.dependencyDepth', async () => {
      const { services, open } = await setup({ dependencyDepth: 1 });
      await open(PAYMENTS_DB, 1, 1);
      const api = await open(PAYMENTS, 1, 1);
      const { items } = await services.upstreamIncidents.list(CHECKOUT, ben);
      expect(items.map(i => i.incident.number)).toEqual([api.number]);
    });

    it('leaves out upstream incidents the caller may not read', async () => {
      const { services, open, permissions } = await setup();
      await open(PAYMENTS, 1, 1);
      permissions.authorizeConditional.mockResolvedValue([
        { result: AuthorizeResult.DENY },
      ]);
      await expect(
        services.upstreamIncidents.list(CHECKOUT, ben),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    });

    it('answers 404 for an entity the catalog does not hold', async () => {
      const { services } = await setup();
      await expect(
        services.upstreamIncidents.list('component:default/nowhere', ben),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringContaining('entityRef'),
      });
    });
  });
});

describe('itsm.status.states', () => {
  const read = (states: object) =>
    readStatusStates(
      mockServices.rootConfig({ data: { itsm: { status: { states } } } }),
    );

  it('keeps the defaults for priorities left out', () => {
    expect(read({ 4: 'operational' })).toEqual({
      1: 'major_outage',
      2: 'partial_outage',
      3: 'degraded',
      4: 'operational',
      5: 'degraded',
    });
  });

  it('fails naming the key on a bad priority or state', () => {
    expect(() => read({ 6: 'degraded' })).toThrow(
      'itsm.status.states.6 is not a priority; use 1, 2, 3, 4, 5',
    );
    expect(() => read({ 1: 'down' })).toThrow(
      "itsm.status.states.1 must be one of operational, degraded, partial_outage, major_outage, got 'down'",
    );
  });
});
