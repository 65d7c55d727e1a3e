import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { decodeListCursor } from '../database/listCursor';
import {
  createMigratedTestServices,
  incidentInput,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = userCaller('ben');

describe('ITSM services', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services, permissions } = await createMigratedTestServices(knex);
    return { knex, services, permissions };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('logs an incident with derived priority, owner, reporter and a timeline row', async () => {
      const { services } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      expect(incident).toMatchObject({
        number: 'INC-000001',
        entityRef: 'component:default/checkout-api',
        ownerRef: 'group:default/checkout-team',
        priority: 2,
        status: 'new',
        reporterRef: 'user:default/ben',
        version: 1,
      });
      const timeline = await services.incidents.timeline({
        idOrNumber: incident.number,
        limit: 10,
        caller: ben,
      });
      expect(timeline.items.map(e => e.kind)).toEqual(['created']);
    });

    it('rejects unknown catalog entities naming the ref', async () => {
      const { services } = await setup(databaseId);
      await expect(
        services.incidents.create(
          incidentInput({ entityRef: 'component:default/nope' }),
          ben,
        ),
      ).rejects.toThrow(
        "entityRef: entity 'component:default/nope' does not exist in the catalog",
      );
    });

    it('gives unique numbers to concurrent creates', async () => {
      const { services } = await setup(databaseId);
      const created = await Promise.all(
        Array.from({ length: 12 }, () =>
          services.incidents.create(incidentInput(), ben),
        ),
      );
      const numbers = created.map(i => i.number).sort();
      expect(new Set(numbers).size).toBe(12);
      expect(numbers[11]).toBe('INC-000012');
    });

    it('detects stale versions and records each changed field', async () => {
      const { services } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      const updated = await services.incidents.update({
        idOrNumber: incident.id,
        input: { version: 1, impact: 1, title: 'Checkout down' },
        caller: ben,
      });
      expect(updated).toMatchObject({ version: 2, priority: 1, impact: 1 });
      await expect(
        services.incidents.update({
          idOrNumber: incident.id,
          input: { version: 1, urgency: 3 },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      const timeline = await services.incidents.timeline({
        idOrNumber: incident.id,
        limit: 10,
        caller: ben,
      });
      expect(
        timeline.items
          .filter(e => e.kind === 'field_changed')
          .map(e => [e.field, e.oldValue, e.newValue]),
      ).toEqual([
        ['title', 'Checkout returns HTTP 502', 'Checkout down'],
        ['impact', '2', '1'],
        ['priority', '2', '1'],
      ]);
    });

    it('walks the lifecycle with required fields and timestamps', async () => {
      const { services } = await setup(databaseId);
      let incident = await services.incidents.create(incidentInput(), ben);
      incident = await services.incidents.transition({
        idOrNumber: incident.id,
        input: { version: 1, to: 'in_progress' },
        caller: ben,
      });
      expect(incident.acknowledgedAt).not.toBeNull();
      await expect(
        services.incidents.transition({
          idOrNumber: incident.id,
          input: { version: 2, to: 'resolved', resolutionCode: 'workaround' },
          caller: ben,
        }),
      ).rejects.toThrow(/resolutionNotes/);
      await expect(
        services.incidents.transition({
          idOrNumber: incident.id,
          input: {
            version: 2,
            to: 'resolved',
            resolutionCode: 'known_error',
            resolutionNotes: 'Known',
          },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'InputError' });
      incident = await services.incidents.transition({
        idOrNumber: incident.id,
        input: {
          version: 2,
          to: 'resolved',
          resolutionCode: 'workaround',
          resolutionNotes: 'Restarted the pool',
        },
        caller: ben,
      });
      expect(incident.resolvedAt).not.toBeNull();
      incident = await services.incidents.transition({
        idOrNumber: incident.id,
        input: { version: 3, to: 'closed' },
        caller: ben,
      });
      await expect(
        services.incidents.transition({
          idOrNumber: incident.id,
          input: { version: 4, to: 'in_progress' },
          caller: ben,
        }),
      ).rejects.toThrow(
        "cannot move incident from 'closed' to 'in_progress'; allowed: none",
      );
      await expect(
        services.incidents.update({
          idOrNumber: incident.id,
          input: { version: 4, title: 'x' },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it('creates a problem from an incident, publishes a known error and finds it', async () => {
      const { services } = await setup(databaseId);
      const first = await services.incidents.create(incidentInput(), ben);
      const problem = await services.problemsFromIncidents.create({
        incidentIdOrNumber: first.id,
        input: { holdIncident: true },
        caller: ben,
      });
      expect(problem).toMatchObject({
        number: 'PRB-000001',
        title: first.title,
        category: 'availability',
        impact: 2,
        urgency: 1,
        source: 'from_incident',
        affectedEntityRefs: ['component:default/checkout-api'],
        incidentCount: 1,
      });
      expect(await services.incidents.get(first.id, ben)).toMatchObject({
        problemId: problem.id,
        status: 'on_hold',
        holdReason: 'awaiting_problem',
      });

      await expect(
        services.knownErrors.publish({
          idOrNumber: problem.id,
          input: { version: 1 },
          caller: ben,
        }),
      ).rejects.toThrow('rootCause and workaround: must be documented');
      const analysed = await services.problems.update({
        idOrNumber: problem.id,
        input: {
          version: 1,
          entityRef: 'resource:default/orders-db',
          rootCause: 'Connection pool of 20 is exhausted at peak',
          rcaMethod: 'five_whys',
          workaround: 'Restart checkout-api pods to release connections',
        },
        caller: ben,
      });
      expect(analysed).toMatchObject({
        entityRef: 'resource:default/orders-db',
        ownerRef: 'group:default/platform-team',
      });
      const known = await services.knownErrors.publish({
        idOrNumber: problem.id,
        input: { version: 2, symptoms: '502 at checkout' },
        caller: ben,
      });
      expect(known).toMatchObject({
        knownError: true,
        symptoms: '502 at checkout',
      });

      const second = await services.incidents.create(
        incidentInput({ entityRef: 'component:default/payments-api' }),
        ben,
      );
      const linked = await services.problemLinks.link({
        problemIdOrNumber: problem.id,
        incidentIdOrNumber: second.number,
        input: { holdIncident: false },
        caller: ben,
      });
      expect(linked.affectedEntityRefs).toEqual([
        'component:default/checkout-api',
        'component:default/payments-api',
      ]);
      expect(linked.incidentCount).toBe(2);

      for (const entityRefs of [
        ['resource:default/orders-db'],
        ['component:default/payments-api'],
      ]) {
        const found = await services.knownErrors.list({
          entityRefs,
          limit: 10,
          caller: ben,
        });
        expect(found.items.map(p => p.number)).toEqual(['PRB-000001']);
      }
      const byText = await services.knownErrors.list({
        text: 'POOL',
        limit: 10,
        caller: ben,
      });
      expect(byText.items).toHaveLength(1);
      const none = await services.knownErrors.list({
        entityRefs: ['component:default/unrelated'],
        limit: 10,
        caller: ben,
      });
      expect(none.items).toHaveLength(0);

      const resolved = await services.incidents.transition({
        idOrNumber: second.id,
        input: {
          version: 2,
          to: 'resolved',
          resolutionCode: 'known_error',
          resolutionNotes: 'Applied the known workaround',
        },
        caller: ben,
      });
      expect(resolved.resolutionCode).toBe('known_error');

      const unlinked = await services.problemLinks.unlink({
        problemIdOrNumber: problem.id,
        incidentIdOrNumber: second.id,
        caller: ben,
      });
      expect(unlinked.affectedEntityRefs).toEqual([
        'component:default/checkout-api',
      ]);
      await expect(
        services.problemLinks.link({
          problemIdOrNumber: (
            await services.problems.create(
              {
                title: 'Other',
                statement: 'Other',
                category: 'data',
                impact: 3,
                urgency: 3,
              },
              ben,
            )
          ).id,
          incidentIdOrNumber: first.id,
          input: { holdIncident: false },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it('pages through incidents newest first without gaps or repeats', async () => {
      const { services } = await setup(databaseId);
      for (let i = 0; i < 23; i++) {
        await services.incidents.create(
          incidentInput({ title: `Incident ${i}` }),
          ben,
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof services.incidents.list>> =
          await services.incidents.list({
            filter: { entityRefs: ['component:default/checkout-api'] },
            after: cursor ? decodeListCursor(cursor, 'newest') : undefined,
            limit: 10,
            caller: ben,
          });
        seen.push(...page.items.map(i => i.number));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(seen[0]).toBe('INC-000023');
      expect(seen[22]).toBe('INC-000001');
    });

    it('applies conditional read decisions as SQL filters', async () => {
      const { services, permissions } = await setup(databaseId);
      await services.incidents.create(incidentInput(), ben);
      await services.incidents.create(
        incidentInput({ entityRef: 'component:default/payments-api' }),
        ben,
      );
      permissions.authorizeConditional.mockResolvedValue([
        {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'itsm',
          resourceType: 'itsm-incident',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'itsm-incident',
            params: { claims: ['group:default/payments-team'] },
          },
        },
      ]);
      const page = await services.incidents.list({
        filter: {},
        limit: 10,
        caller: ben,
      });
      expect(page.items.map(i => i.entityRef)).toEqual([
        'component:default/payments-api',
      ]);
      await expect(
        services.incidents.get('INC-000001', ben),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    });
  });
});
