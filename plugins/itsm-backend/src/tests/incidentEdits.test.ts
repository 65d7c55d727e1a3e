import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createMigratedTestServices,
  incidentInput,
  serviceCaller,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const alice = userCaller('alice');

describe('editing and acknowledging incidents', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services, permissions } = await createMigratedTestServices(knex);
    const rows = async (id: string) =>
      (
        await services.incidents.timeline({
          idOrNumber: id,
          limit: 50,
          caller: ben,
        })
      ).items.map(e => [e.kind, e.field, e.oldValue, e.newValue, e.body]);
    return { services, permissions, rows };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('derives the priority again and keeps the reason on its timeline row', async () => {
      const { services, rows } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      const updated = await services.incidents.update({
        idOrNumber: incident.number,
        input: { version: 1, impact: 1, reason: 'All EU customers fail' },
        caller: ben,
      });
      expect(updated).toMatchObject({ impact: 1, priority: 1, version: 2 });
      expect((await rows(incident.id)).slice(1)).toEqual([
        ['field_changed', 'impact', '2', '1', null],
        ['field_changed', 'priority', '2', '1', 'All EU customers fail'],
      ]);
    });

    it('keeps the reason on the impact and urgency rows when the priority stays', async () => {
      const { services, rows } = await setup(databaseId);
      const incident = await services.incidents.create(
        incidentInput({ impact: 1, urgency: 3 }),
        ben,
      );
      await services.incidents.update({
        idOrNumber: incident.id,
        input: { version: 1, impact: 3, urgency: 1, reason: 'Swapped' },
        caller: ben,
      });
      expect((await rows(incident.id)).slice(1)).toEqual([
        ['field_changed', 'impact', '1', '3', 'Swapped'],
        ['field_changed', 'urgency', '3', '1', 'Swapped'],
      ]);
    });

    it('refuses a reason without impact or urgency, changing nothing', async () => {
      const { services } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      await expect(
        services.incidents.update({
          idOrNumber: incident.id,
          input: { version: 1, title: 'Renamed', reason: 'Because' },
          caller: ben,
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^reason: /),
      });
      expect(await services.incidents.get(incident.id, ben)).toMatchObject({
        title: incident.title,
        version: 1,
      });
    });

    it('edits title, description, category and entity, assigns and unassigns, with a row each', async () => {
      const { services, rows } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      const edited = await services.incidents.update({
        idOrNumber: incident.id,
        input: {
          version: 1,
          title: 'Payments time out',
          description: 'Checkout waits on payments',
          category: 'performance',
          entityRef: 'Component:default/Payments-API',
          assigneeRef: 'user:default/ben',
        },
        caller: ben,
      });
      expect(edited).toMatchObject({
        title: 'Payments time out',
        category: 'performance',
        entityRef: 'component:default/payments-api',
        ownerRef: 'group:default/payments-team',
        assigneeRef: 'user:default/ben',
        version: 2,
      });
      const unassigned = await services.incidents.update({
        idOrNumber: incident.id,
        input: { version: 2, assigneeRef: null },
        caller: ben,
      });
      expect(unassigned).toMatchObject({ assigneeRef: null, version: 3 });
      expect((await rows(incident.id)).map(row => row[1])).toEqual([
        null,
        'title',
        'description',
        'entityRef',
        'ownerRef',
        'category',
        'assigneeRef',
        'assigneeRef',
      ]);
      await expect(
        services.incidents.update({
          idOrNumber: incident.id,
          input: { version: 2, title: 'Stale' },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        services.incidents.update({
          idOrNumber: incident.id,
          input: { version: 3, assigneeRef: 'component:default/checkout-api' },
          caller: ben,
        }),
      ).rejects.toThrow(/^assigneeRef: .* must be a user or group entity/);
    });

    it('assigns the responder who acknowledges an unassigned incident', async () => {
      const { services, rows } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      const acknowledged = await services.incidents.transition({
        idOrNumber: incident.id,
        input: { version: 1, to: 'in_progress' },
        caller: alice,
      });
      expect(acknowledged).toMatchObject({
        status: 'in_progress',
        assigneeRef: 'user:default/alice',
        acknowledgedAt: expect.any(String),
        version: 2,
      });
      expect((await rows(incident.id)).slice(1)).toEqual([
        ['transition', 'status', 'new', 'in_progress', null],
        ['field_changed', 'assigneeRef', null, 'user:default/alice', null],
      ]);
    });

    it('keeps the assignee, and lets services and other moves assign no one', async () => {
      const { services } = await setup(databaseId);
      const assigned = await services.incidents.create(
        incidentInput({ assigneeRef: 'user:default/ben' }),
        ben,
      );
      expect(
        await services.incidents.transition({
          idOrNumber: assigned.id,
          input: { version: 1, to: 'in_progress' },
          caller: alice,
        }),
      ).toMatchObject({ assigneeRef: 'user:default/ben' });
      const byService = await services.incidents.create(incidentInput(), ben);
      expect(
        await services.incidents.transition({
          idOrNumber: byService.id,
          input: { version: 1, to: 'in_progress' },
          caller: serviceCaller(),
        }),
      ).toMatchObject({ status: 'in_progress', assigneeRef: null });
      const held = await services.incidents.create(incidentInput(), ben);
      expect(
        await services.incidents.transition({
          idOrNumber: held.id,
          input: { version: 1, to: 'on_hold', holdReason: 'awaiting_vendor' },
          caller: alice,
        }),
      ).toMatchObject({ status: 'on_hold', assigneeRef: null });
    });

    it('answers 403 to an edit the policy denies, changing nothing', async () => {
      const { services, permissions } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
      );
      await expect(
        services.incidents.update({
          idOrNumber: incident.id,
          input: { version: 1, impact: 1, reason: 'Worse' },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        services.incidents.transition({
          idOrNumber: incident.id,
          input: { version: 1, to: 'in_progress' },
          caller: alice,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      );
      expect(await services.incidents.get(incident.id, ben)).toMatchObject({
        priority: 2,
        assigneeRef: null,
        version: 1,
      });
    });
  });
});
