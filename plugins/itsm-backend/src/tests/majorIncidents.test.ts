import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  MIGRATIONS_DIRECTORY,
  applyDatabaseMigrations,
} from '../database/migrations';
import {
  alertmanagerWebhook,
  createMigratedTestServices,
  createTestServices,
  firingAlert,
  incidentInput,
  serviceCaller,
  userCaller,
} from '../__testUtils__/fixtures';
import { createNotificationHarness } from '../__testUtils__/notificationFixture';
import { STATUS_ENTITIES } from '../__testUtils__/statusCatalog';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const CHECKOUT = 'component:default/checkout-api';
const PAYMENTS = 'component:default/payments-api';
const PAYMENTS_DB = 'resource:default/payments-db';

describe('major incidents, postmortem review and affected entities', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('notifies the owners and the role holders of a declaration, in the outbox of its commit', async () => {
      const knex = await databases.init(databaseId);
      const h = await createNotificationHarness(knex);
      const incident = await h.services.incidents.create(
        incidentInput({ entityRef: PAYMENTS, impact: 2, urgency: 2 }),
        ben,
      );
      await h.dispatcher.drain();
      h.notifications.send.mockClear();

      await h.services.majorIncidents.declare({
        idOrNumber: incident.number,
        input: {
          version: 1,
          commanderRef: 'user:default/alice',
          communicationsLeadRef: 'user:default/carol',
        },
        caller: ben,
      });
      await h.dispatcher.drain();

      expect(h.sentPayloads()).toEqual([
        {
          to: [
            'group:default/payments-team',
            'user:default/alice',
            'user:default/carol',
          ],
          topic: 'incident-major-declared',
          title: `P3 ${incident.number} on payments-api is declared a major incident: ${incident.title}`,
        },
        {
          to: ['user:default/alice'],
          topic: 'incident-role-assigned',
          title: `You are incident commander of P3 ${incident.number} on payments-api: ${incident.title}`,
        },
        {
          to: ['user:default/carol'],
          topic: 'incident-role-assigned',
          title: `You are communications lead of P3 ${incident.number} on payments-api: ${incident.title}`,
        },
      ]);
    });

    it('rolls the declaration back with its timeline when the version is stale', async () => {
      const knex = await databases.init(databaseId);
      const { services } = await createMigratedTestServices(knex);
      const incident = await services.incidents.create(incidentInput(), ben);
      await services.incidents.update({
        idOrNumber: incident.id,
        input: { version: 1, title: 'Checkout fails for every card' },
        caller: ben,
      });
      await expect(
        services.majorIncidents.declare({
          idOrNumber: incident.id,
          input: { version: 1, commanderRef: 'user:default/ben' },
          caller: ben,
        }),
      ).rejects.toThrow(/version 1 is stale/);
      const timeline = await services.incidents.timeline({
        idOrNumber: incident.id,
        limit: 100,
        caller: ben,
      });
      expect(
        timeline.items.filter(
          e => e.field === 'declaredAt' || e.field === 'commanderRef',
        ),
      ).toEqual([]);
      expect(
        await knex('itsm_incidents').where({ id: incident.id }).first(),
      ).toMatchObject({ declared_at: null, commander_ref: null, version: 2 });
    });

    it('declares P1 incidents as they are logged when autoDeclare is on, and keeps them open until the postmortem is written', async () => {
      const knex = await databases.init(databaseId);
      const { services } = await createMigratedTestServices(knex, {
        config: {
          itsm: {
            majorIncidents: {
              autoDeclare: true,
              closeRequiresPostmortem: 'written',
            },
          },
        },
      });
      const p1 = await services.incidents.create(
        incidentInput({ impact: 1, urgency: 1 }),
        ben,
      );
      const p2 = await services.incidents.create(
        incidentInput({ impact: 1, urgency: 2 }),
        ben,
      );
      expect(p1).toMatchObject({ major: true, declaredAt: p1.createdAt });
      expect(p2).toMatchObject({ major: false, declaredAt: null });
      const timeline = await services.incidents.timeline({
        idOrNumber: p1.id,
        limit: 10,
        caller: ben,
      });
      expect(timeline.items.map(e => [e.kind, e.field, e.body])).toContainEqual(
        [
          'field_changed',
          'declaredAt',
          'Declared a major incident on opening as P1',
        ],
      );
      const resolved = await services.incidents.transition({
        idOrNumber: p1.id,
        input: {
          version: 1,
          to: 'resolved',
          resolutionCode: 'workaround',
          resolutionNotes: 'Failed over',
        },
        caller: ben,
      });
      const close = () =>
        services.incidents.transition({
          idOrNumber: p1.id,
          input: { version: resolved.version, to: 'closed' },
          caller: ben,
        });
      await expect(close()).rejects.toThrow(
        'postmortem: a major incident needs a postmortem before it is closed; none is written yet',
      );
      await services.postmortems.save({
        incidentIdOrNumber: p1.id,
        input: {
          summary: 'Failover',
          impact: '',
          rootCause: '',
          lessonsLearned: '',
        },
        caller: ben,
      });
      await expect(close()).resolves.toMatchObject({ status: 'closed' });
    });

    it('declares the P1 incidents alerts open when autoDeclare is on', async () => {
      const knex = await databases.init(databaseId);
      const { services } = await createMigratedTestServices(knex, {
        config: { itsm: { majorIncidents: { autoDeclare: true } } },
      });
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([
          firingAlert(),
          firingAlert({
            fingerprint: 'b2c3d4e5f6071829',
            labels: {
              alertname: 'SlowCheckout',
              service: 'checkout-api',
              severity: 'warning',
            },
          }),
        ]),
        serviceCaller(),
      );
      const { items } = await services.incidents.list({
        filter: {},
        limit: 10,
        caller: ben,
      });
      expect(
        items
          .map(i => [i.priority, i.declaredAt !== null])
          .sort((a, b) => Number(a[0]) - Number(b[0])),
      ).toEqual([
        [1, true],
        [expect.any(Number), false],
      ]);
    });

    it('counts affected entities on the status page and in their analysis', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const clock = { now: Date.parse('2026-11-01T10:00:00Z') };
      const { services } = createTestServices(knex, {
        now: () => (clock.now += 1000),
        entities: STATUS_ENTITIES,
      });
      const incident = await services.incidents.create(
        incidentInput({ entityRef: PAYMENTS_DB, impact: 1, urgency: 1 }),
        ben,
      );
      await services.affectedEntities.set({
        idOrNumber: incident.id,
        input: { version: 1, entityRefs: [CHECKOUT, PAYMENTS] },
        caller: ben,
      });

      const page = await services.status.read(ben);
      const shop = page.systems.find(s => s.title === 'Shop')!;
      expect(shop.state).toBe('major_outage');
      const checkout = shop.components.find(c => c.entityRef === CHECKOUT)!;
      expect(checkout.openIncidents.map(i => i.number)).toEqual([
        incident.number,
      ]);
      const storefront = shop.components.find(
        c => c.entityRef === 'component:default/storefront',
      )!;
      expect(storefront.state).toBe('operational');

      const analysis = await services.analysis.analyse({
        scope: { entityRef: CHECKOUT },
        from: Date.parse('2026-10-01T00:00:00Z'),
        to: Date.parse('2026-12-01T00:00:00Z'),
        caller: ben,
      });
      expect(analysis.incidents.total).toBe(1);
      expect(analysis.incidents.byPriority).toMatchObject({ p1: 1 });

      await services.affectedEntities.set({
        idOrNumber: incident.id,
        input: { version: 2, entityRefs: [PAYMENTS] },
        caller: ben,
      });
      const after = await services.status.read(ben);
      expect(after.systems.find(s => s.title === 'Shop')!.state).toBe(
        'operational',
      );
      const none = await services.analysis.analyse({
        scope: { entityRef: CHECKOUT },
        from: Date.parse('2026-10-01T00:00:00Z'),
        to: Date.parse('2026-12-01T00:00:00Z'),
        caller: ben,
      });
      expect(none.incidents.total).toBe(0);
    });

    it('lists only the postmortems of incidents a conditional decision lets the caller read', async () => {
      const knex = await databases.init(databaseId);
      const { services, permissions } = await createMigratedTestServices(knex);
      for (const entityRef of [CHECKOUT, PAYMENTS]) {
        const incident = await services.incidents.create(
          incidentInput({ entityRef, title: `Down: ${entityRef}` }),
          ben,
        );
        await services.postmortems.save({
          incidentIdOrNumber: incident.id,
          input: {
            summary: 'Review',
            impact: '',
            rootCause: '',
            lessonsLearned: '',
          },
          caller: ben,
        });
      }
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(() => ({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'itsm',
          resourceType: 'itsm-incident',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'itsm-incident',
            params: { claims: ['group:default/payments-team'] },
          },
        })),
      );
      const page = await services.postmortemReviews.list({
        limit: 10,
        caller: ben,
      });
      expect(page.items.map(i => i.entityRef)).toEqual([PAYMENTS]);
      expect(page.items[0]).toMatchObject({ status: 'draft', major: false });
    });

    it('adds the columns and table of major incidents and removes them again', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const { services } = createTestServices(knex);
      const incident = await services.incidents.create(incidentInput(), ben);
      await services.postmortems.save({
        incidentIdOrNumber: incident.id,
        input: {
          summary: 'Kept',
          impact: '',
          rootCause: '',
          lessonsLearned: '',
        },
        caller: ben,
      });
      // Later migrations stay: this one alone is undone and applied again.
      await knex.migrate.down({
        directory: MIGRATIONS_DIRECTORY,
        name: '20261223090000_major_incidents.js',
      });
      expect(await knex.schema.hasTable('itsm_incident_entities')).toBe(false);
      expect(await knex.schema.hasColumn('itsm_incidents', 'declared_at')).toBe(
        false,
      );
      expect(await knex.schema.hasColumn('itsm_postmortems', 'status')).toBe(
        false,
      );
      expect(
        await knex('itsm_postmortems')
          .where({ incident_id: incident.id })
          .first(),
      ).toMatchObject({ summary: 'Kept' });
      await applyDatabaseMigrations(knex);
      expect(
        await knex('itsm_postmortems')
          .where({ incident_id: incident.id })
          .first(),
      ).toMatchObject({ summary: 'Kept', status: 'draft' });
    });
  });
});
