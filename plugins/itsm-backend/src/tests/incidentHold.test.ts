import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createMigratedTestServices,
  incidentInput,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = userCaller('ben');

/**
 * Linking an incident to a problem with `holdIncident` is a transition to
 * on_hold like any other: the first move out of `new` acknowledges it.
 */
describe('holding an incident for its problem', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services } = await createMigratedTestServices(knex);
    const problem = await services.problems.create(
      {
        title: 'Pool exhaustion',
        statement: 'Checkout loses database connections at peak',
        category: 'capacity',
        impact: 2,
        urgency: 2,
      },
      ben,
    );
    return { services, problem };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('acknowledges a new incident when linking puts it on hold', async () => {
      const { services, problem } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      expect(incident.acknowledgedAt).toBeNull();

      await services.problemLinks.link({
        problemIdOrNumber: problem.id,
        incidentIdOrNumber: incident.id,
        input: { holdIncident: true },
        caller: ben,
      });

      const held = await services.incidents.get(incident.id, ben);
      expect(held).toMatchObject({
        status: 'on_hold',
        holdReason: 'awaiting_problem',
        problemId: problem.id,
        version: 2,
      });
      expect(held.acknowledgedAt).toBe(held.updatedAt);
    });

    it('keeps the first acknowledgement of an incident already in progress', async () => {
      const { services, problem } = await setup(databaseId);
      const created = await services.incidents.create(incidentInput(), ben);
      const started = await services.incidents.transition({
        idOrNumber: created.id,
        input: { version: 1, to: 'in_progress' },
        caller: ben,
      });

      await services.problemLinks.link({
        problemIdOrNumber: problem.id,
        incidentIdOrNumber: created.id,
        input: { holdIncident: true },
        caller: ben,
      });

      const held = await services.incidents.get(created.id, ben);
      expect(held.status).toBe('on_hold');
      expect(held.acknowledgedAt).toBe(started.acknowledgedAt);
      expect(held.updatedAt).not.toBe(started.updatedAt);
    });

    it('links without a transition when the incident is not to be held', async () => {
      const { services, problem } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);

      await services.problemLinks.link({
        problemIdOrNumber: problem.id,
        incidentIdOrNumber: incident.id,
        input: { holdIncident: false },
        caller: ben,
      });

      expect(await services.incidents.get(incident.id, ben)).toMatchObject({
        status: 'new',
        holdReason: null,
        acknowledgedAt: null,
        problemId: problem.id,
      });
    });

    it('refuses to hold an incident awaiting a problem when none is linked', async () => {
      const { services, problem } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      await expect(
        services.incidents.transition({
          idOrNumber: incident.id,
          input: { version: 1, to: 'on_hold', holdReason: 'awaiting_problem' },
          caller: ben,
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /holdReason 'awaiting_problem' needs a linked problem; link the incident to a problem first/,
        ),
      });
      expect(await services.incidents.get(incident.id, ben)).toMatchObject({
        status: 'new',
        version: 1,
      });

      const vendor = await services.incidents.transition({
        idOrNumber: incident.id,
        input: { version: 1, to: 'on_hold', holdReason: 'awaiting_vendor' },
        caller: ben,
      });
      expect(vendor.holdReason).toBe('awaiting_vendor');

      await services.problemLinks.link({
        problemIdOrNumber: problem.id,
        incidentIdOrNumber: incident.id,
        input: { holdIncident: false },
        caller: ben,
      });
      const resumed = await services.incidents.transition({
        idOrNumber: incident.id,
        input: { version: 3, to: 'in_progress' },
        caller: ben,
      });
      const held = await services.incidents.transition({
        idOrNumber: incident.id,
        input: {
          version: resumed.version,
          to: 'on_hold',
          holdReason: 'awaiting_problem',
        },
        caller: ben,
      });
      expect(held).toMatchObject({
        status: 'on_hold',
        holdReason: 'awaiting_problem',
        problemId: problem.id,
      });
    });
  });
});
