import { TestDatabases } from '@backstage/backend-test-utils';
import { ListSort } from '@backstage-itsm/plugin-itsm-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { decodeListCursor } from '../database/listCursor';
import { createTestServices, userCaller } from '../__testUtils__/fixtures';
import {
  INC,
  LIST_ENTITIES,
  PRB,
  SHOP,
  insertListFixture,
  onlyPaymentsTeam,
} from '../__testUtils__/listFixture';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const inc = (n: number) => `INC-${String(n).padStart(6, '0')}`;
const prb = (n: number) => `PRB-${String(n).padStart(6, '0')}`;

/** Filters, sorts, pages and system/group scopes of the record lists. */
describe('record lists', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    await insertListFixture(knex);
    const { services, permissions } = createTestServices(knex, {
      entities: LIST_ENTITIES,
    });
    type IncidentList = Parameters<typeof services.incidents.list>[0];
    const incidents = async (
      options: Partial<Omit<IncidentList, 'caller'>> = {},
    ) =>
      (
        await services.incidents.list({
          filter: {},
          limit: 25,
          caller: ben,
          ...options,
        })
      ).items.map(i => i.number);
    type ProblemList = Parameters<typeof services.problems.list>[0];
    const problems = async (
      options: Partial<Omit<ProblemList, 'caller'>> = {},
    ) =>
      (
        await services.problems.list({
          filter: {},
          limit: 25,
          caller: ben,
          ...options,
        })
      ).items.map(p => p.number);
    /** Every page of the incident list in a sort, two at a time. */
    const allPages = async (sort: ListSort, text?: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { number: string }[]; nextCursor: string | null } =
          await services.incidents.list({
            filter: { text },
            sort,
            after: cursor ? decodeListCursor(cursor, sort) : undefined,
            limit: 2,
            caller: ben,
          });
        seen.push(...page.items.map(i => i.number));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    return { services, permissions, incidents, problems, allPages };
  }

  // Created in this order, an hour apart.
  const BY_AGE = [
    INC.gatewayTitle,
    INC.checkoutDeploy,
    INC.ordersSlow,
    INC.paymentsTimeout,
    INC.shopOutage,
    INC.loginNumber,
    INC.loginTitle,
  ];

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('sorts newest first by default, or oldest first, or by priority then age', async () => {
      const { incidents } = await setup(databaseId);
      expect(await incidents()).toEqual([...BY_AGE].reverse().map(inc));
      expect(await incidents({ sort: 'oldest' })).toEqual(BY_AGE.map(inc));
      expect(await incidents({ sort: 'priority' })).toEqual(
        [
          INC.gatewayTitle,
          INC.paymentsTimeout,
          INC.checkoutDeploy,
          INC.shopOutage,
          INC.loginTitle,
          INC.ordersSlow,
          INC.loginNumber,
        ].map(inc),
      );
    });

    it('pages through every sort with its own cursor', async () => {
      const { incidents, allPages } = await setup(databaseId);
      for (const sort of ['newest', 'oldest', 'priority'] as const) {
        expect(await allPages(sort)).toEqual(await incidents({ sort }));
      }
      expect(await allPages('relevance', 'answers')).toEqual(
        await incidents({ filter: { text: 'answers' } }),
      );
      expect(await allPages('relevance', 'answers')).toEqual(
        [
          INC.checkoutDeploy,
          INC.shopOutage,
          INC.paymentsTimeout,
          INC.ordersSlow,
        ].map(inc),
      );
    });

    it('filters by assignee (me, nobody), source and status', async () => {
      const { incidents } = await setup(databaseId);
      expect(await incidents({ assignee: 'me', sort: 'oldest' })).toEqual(
        [INC.checkoutDeploy, INC.loginNumber].map(inc),
      );
      expect(await incidents({ assignee: 'none', sort: 'oldest' })).toEqual(
        [
          INC.gatewayTitle,
          INC.paymentsTimeout,
          INC.shopOutage,
          INC.loginTitle,
        ].map(inc),
      );
      expect(
        await incidents({
          filter: { sources: ['alertmanager', 'events-v2'] },
          sort: 'oldest',
        }),
      ).toEqual([INC.checkoutDeploy, INC.ordersSlow].map(inc));
      expect(
        await incidents({
          filter: { statuses: ['new', 'in_progress'], priorities: [1, 2] },
          sort: 'priority',
        }),
      ).toEqual(
        [
          INC.gatewayTitle,
          INC.checkoutDeploy,
          INC.shopOutage,
          INC.loginTitle,
        ].map(inc),
      );
    });

    it('covers a system and its parts, and what a group owns', async () => {
      const { incidents, problems } = await setup(databaseId);
      expect(
        await incidents({
          scope: { systemRef: 'System:default/Shop' },
          sort: 'oldest',
        }),
      ).toEqual(
        [
          INC.gatewayTitle,
          INC.checkoutDeploy,
          INC.ordersSlow,
          INC.shopOutage,
        ].map(inc),
      );
      expect(
        await incidents({
          scope: { groupRef: 'group:default/platform-team' },
        }),
      ).toEqual([inc(INC.ordersSlow)]);
      expect(
        await incidents({
          scope: { systemRef: SHOP, groupRef: 'group:default/checkout-team' },
          sort: 'oldest',
        }),
      ).toEqual(
        [INC.gatewayTitle, INC.checkoutDeploy, INC.shopOutage].map(inc),
      );
      expect(
        await incidents({ scope: { groupRef: 'group:default/quiet-team' } }),
      ).toEqual([]);
      expect(await problems({ scope: { systemRef: SHOP } })).toEqual(
        [PRB.known, PRB.gateway].map(prb),
      );
      expect(
        await problems({ scope: { groupRef: 'group:default/payments-team' } }),
      ).toEqual([prb(PRB.pool)]);
    });

    it('answers 400 for a ref of the wrong kind and 404 for one not in the catalog', async () => {
      const { incidents, problems } = await setup(databaseId);
      await expect(
        incidents({ scope: { systemRef: 'component:default/checkout-api' } }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /^systemRef: .* must be a system entity/,
        ),
      });
      await expect(
        problems({ scope: { groupRef: 'user:default/ben' } }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^groupRef: .* must be a group entity/),
      });
      await expect(
        incidents({ scope: { systemRef: 'system:default/nowhere' } }),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringMatching(/^systemRef: /),
      });
      await expect(
        problems({ scope: { groupRef: 'group:default/nobody' } }),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringMatching(/^groupRef: /),
      });
    });

    it('sorts and filters problems too', async () => {
      const { problems } = await setup(databaseId);
      expect(await problems()).toEqual(
        [PRB.known, PRB.pool, PRB.gateway].map(prb),
      );
      expect(await problems({ sort: 'oldest' })).toEqual(
        [PRB.gateway, PRB.pool, PRB.known].map(prb),
      );
      expect(await problems({ sort: 'priority' })).toEqual(
        [PRB.gateway, PRB.known, PRB.pool].map(prb),
      );
      expect(await problems({ assignee: 'me' })).toEqual([prb(PRB.pool)]);
      expect(await problems({ assignee: 'none', sort: 'oldest' })).toEqual(
        [PRB.gateway, PRB.known].map(prb),
      );
    });

    it('applies the read rules under every filter and sort', async () => {
      const { incidents, problems, permissions } = await setup(databaseId);
      onlyPaymentsTeam(permissions);
      expect(await incidents({ sort: 'priority' })).toEqual(
        [INC.paymentsTimeout, INC.loginTitle, INC.loginNumber].map(inc),
      );
      expect(await incidents({ assignee: 'me' })).toEqual([
        inc(INC.loginNumber),
      ]);
      expect(await incidents({ scope: { systemRef: SHOP } })).toEqual([]);
      expect(await problems({ sort: 'oldest' })).toEqual([prb(PRB.pool)]);
    });
  });
});
