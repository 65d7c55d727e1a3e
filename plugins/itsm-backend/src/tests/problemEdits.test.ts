import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createMigratedTestServices,
  incidentInput,
  userCaller,
} from '../__testUtils__/fixtures';
import { linkToProblem } from '../__testUtils__/recordSteps';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const CHECKOUT = 'component:default/checkout-api';
const PAYMENTS = 'component:default/payments-api';
const ORDERS_DB = 'resource:default/orders-db';

describe('editing problems', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services, permissions } = await createMigratedTestServices(knex);
    const problem = await services.problems.create(
      {
        title: 'Pool exhaustion',
        statement: 'Connections run out at peak',
        category: 'capacity',
        impact: 2,
        urgency: 2,
        affectedEntityRefs: [PAYMENTS],
      },
      ben,
    );
    const rows = async () =>
      (
        await services.problems.timeline({
          idOrNumber: problem.id,
          limit: 50,
          caller: ben,
        })
      ).items
        .filter(e => e.field === 'affectedEntityRefs')
        .map(e => [e.oldValue, e.newValue, e.body]);
    return { services, permissions, problem, rows };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('adds and removes affected entities with a timeline row each', async () => {
      const { services, problem, rows } = await setup(databaseId);
      const updated = await services.problems.update({
        idOrNumber: problem.number,
        input: { version: 1, affectedEntityRefs: [ORDERS_DB, CHECKOUT] },
        caller: ben,
      });
      expect(updated).toMatchObject({
        affectedEntityRefs: [CHECKOUT, ORDERS_DB],
        version: 2,
      });
      expect(await rows()).toEqual([
        [null, ORDERS_DB, `Affected entity added: ${ORDERS_DB}`],
        [null, CHECKOUT, `Affected entity added: ${CHECKOUT}`],
        [PAYMENTS, null, `Affected entity removed: ${PAYMENTS}`],
      ]);
    });

    it('edits title, statement, category and assignee alongside', async () => {
      const { services, problem } = await setup(databaseId);
      const updated = await services.problems.update({
        idOrNumber: problem.id,
        input: {
          version: 1,
          title: 'Pool too small',
          statement: 'Ten connections serve all pods',
          category: 'configuration',
          assigneeRef: 'user:default/alice',
        },
        caller: ben,
      });
      expect(updated).toMatchObject({
        title: 'Pool too small',
        statement: 'Ten connections serve all pods',
        category: 'configuration',
        assigneeRef: 'user:default/alice',
        affectedEntityRefs: [PAYMENTS],
        version: 2,
      });
      expect(
        (
          await services.problems.update({
            idOrNumber: problem.id,
            input: { version: 2, assigneeRef: null },
            caller: ben,
          })
        ).assigneeRef,
      ).toBeNull();
    });

    it('names an entity missing from the catalog by its index, changing nothing', async () => {
      const { services, problem, rows } = await setup(databaseId);
      await expect(
        services.problems.update({
          idOrNumber: problem.id,
          input: {
            version: 1,
            affectedEntityRefs: [PAYMENTS, 'component:default/ghost'],
          },
          caller: ben,
        }),
      ).rejects.toThrow(
        "affectedEntityRefs.1: entity 'component:default/ghost' does not exist in the catalog",
      );
      expect(await rows()).toEqual([]);
      expect(await services.problems.get(problem.id, ben)).toMatchObject({
        affectedEntityRefs: [PAYMENTS],
        version: 1,
      });
    });

    it('keeps the entities of linked incidents', async () => {
      const { services, problem, rows } = await setup(databaseId);
      const incident = await services.incidents.create(incidentInput(), ben);
      await linkToProblem(services, problem.id, incident.id, ben);
      await expect(
        services.problems.update({
          idOrNumber: problem.id,
          input: { version: 1, affectedEntityRefs: [] },
          caller: ben,
        }),
      ).rejects.toThrow(
        `affectedEntityRefs: '${CHECKOUT}' is affected through linked incidents; unlink them to remove it`,
      );
      const updated = await services.problems.update({
        idOrNumber: problem.id,
        input: { version: 1, affectedEntityRefs: [CHECKOUT] },
        caller: ben,
      });
      expect(updated.affectedEntityRefs).toEqual([CHECKOUT]);
      expect(await rows()).toEqual([
        [PAYMENTS, null, `Affected entity removed: ${PAYMENTS}`],
      ]);
    });

    it('answers 409 to a stale version and 403 when the policy denies', async () => {
      const { services, permissions, problem } = await setup(databaseId);
      await services.problems.update({
        idOrNumber: problem.id,
        input: { version: 1, affectedEntityRefs: [] },
        caller: ben,
      });
      await expect(
        services.problems.update({
          idOrNumber: problem.id,
          input: { version: 1, affectedEntityRefs: [ORDERS_DB] },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
      );
      await expect(
        services.problems.update({
          idOrNumber: problem.id,
          input: { version: 2, affectedEntityRefs: [ORDERS_DB] },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    });
  });
});
