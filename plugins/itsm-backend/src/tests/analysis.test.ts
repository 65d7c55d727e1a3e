import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  TEST_ENTITIES,
  createTestServices,
  userCaller,
} from '../__testUtils__/fixtures';
import {
  A,
  B,
  CHECKOUT_TEAM,
  FROM,
  NOW,
  PAYMENTS_TEAM,
  PROBLEM_IDS,
  TO,
  insertAnalysisFixture,
} from '../__testUtils__/analysisFixture';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const ENTITIES: Entity[] = [
  ...TEST_ENTITIES,
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { owner: 'checkout-team' },
  },
  ...['payments-team', 'nobody'].map<Entity>(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  })),
].map(entity =>
  entity.metadata.name === 'checkout-api' ||
  entity.metadata.name === 'orders-db'
    ? {
        ...entity,
        relations: [
          ...(entity.relations ?? []),
          { type: 'partOf', targetRef: 'system:default/shop' },
        ],
      }
    : entity,
);

describe('reliability analysis', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    await insertAnalysisFixture(knex);
    const { services, permissions } = createTestServices(knex, {
      now: () => NOW,
      entities: ENTITIES,
    });
    const analyse = (scope: Record<string, string> = {}) =>
      services.analysis.analyse({ scope, from: FROM, to: TO, caller: ben });
    return { analyse, permissions };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('computes every metric of one entity as worked out by hand', async () => {
      const { analyse } = await setup(databaseId);
      const result = await analyse({
        entityRef: 'Component:default/Checkout-API',
      });

      expect(result.scope).toEqual({ kind: 'entity', ref: A, entityRefs: [A] });
      expect(result.window).toEqual({
        from: '2026-10-05T00:00:00.000Z',
        to: '2026-10-26T00:00:00.000Z',
      });
      // Incidents 1-5; 6 is cancelled, 7 and 9 fall outside the window.
      expect(result.incidents.total).toBe(5);
      expect(result.incidents.byPriority).toEqual({
        p1: 1,
        p2: 2,
        p3: 2,
        p4: 0,
        p5: 0,
      });
      expect(result.incidents.weekly).toEqual([
        {
          weekStart: '2026-10-05T00:00:00.000Z',
          total: 2,
          byPriority: { p1: 1, p2: 1, p3: 0, p4: 0, p5: 0 },
          resolved: 2,
          mttrMeanMs: (2 * HOUR + 1 * HOUR) / 2,
        },
        {
          weekStart: '2026-10-12T00:00:00.000Z',
          total: 2,
          byPriority: { p1: 0, p2: 1, p3: 1, p4: 0, p5: 0 },
          resolved: 1,
          mttrMeanMs: 3 * HOUR,
        },
        {
          weekStart: '2026-10-19T00:00:00.000Z',
          total: 1,
          byPriority: { p1: 0, p2: 0, p3: 1, p4: 0, p5: 0 },
          resolved: 0,
          mttrMeanMs: null,
        },
      ]);
      expect(result.incidents.topCategories).toEqual([
        { category: 'availability', count: 3 },
        { category: 'performance', count: 2 },
      ]);

      // Acknowledged after 10, 5, 20 and 30 minutes.
      expect(result.mtta.overall).toEqual({
        count: 4,
        meanMs: 16.25 * MIN,
        medianMs: 10 * MIN,
        p90Ms: 30 * MIN,
      });
      expect(result.mtta.byPriority).toEqual([
        {
          priority: 1,
          count: 1,
          meanMs: 10 * MIN,
          medianMs: 10 * MIN,
          p90Ms: 10 * MIN,
        },
        {
          priority: 2,
          count: 2,
          meanMs: 12.5 * MIN,
          medianMs: 5 * MIN,
          p90Ms: 20 * MIN,
        },
        {
          priority: 3,
          count: 1,
          meanMs: 30 * MIN,
          medianMs: 30 * MIN,
          p90Ms: 30 * MIN,
        },
      ]);
      // Resolved 2, 1 and 3 hours after detection.
      expect(result.mttr.overall).toEqual({
        count: 3,
        meanMs: 2 * HOUR,
        medianMs: 2 * HOUR,
        p90Ms: 3 * HOUR,
      });
      expect(result.mttr.byPriority).toEqual([
        {
          priority: 1,
          count: 1,
          meanMs: 2 * HOUR,
          medianMs: 2 * HOUR,
          p90Ms: 2 * HOUR,
        },
        {
          priority: 2,
          count: 2,
          meanMs: 2 * HOUR,
          medianMs: 1 * HOUR,
          p90Ms: 3 * HOUR,
        },
      ]);
      // First detection 10-05 09:50, last 10-20 08:00, four gaps.
      expect(result.mtbfMs).toBe((15 * DAY - 110 * MIN) / 4);
      // Incidents 1 and 2 belong to X, which has three incidents.
      expect(result.repeat).toEqual({ incidents: 2, total: 5, rate: 0.4 });

      expect(result.openProblems.total).toBe(2);
      expect(
        result.openProblems.items.map(p => [p.number, p.status, p.ageMs]),
      ).toEqual([
        ['PRB-000002', 'root_cause_analysis', 42 * DAY],
        ['PRB-000003', 'new', 17 * DAY],
      ]);
      expect(result.knownErrors.total).toBe(1);
      expect(result.knownErrors.items.map(p => p.id)).toEqual([PROBLEM_IDS.X]);

      expect(result.actionItems.open).toBe(3);
      expect(result.actionItems.overdue).toBe(1);
      expect(result.actionItems.overdueItems).toEqual([
        {
          id: '30000000-0000-4000-8000-000000000001',
          title: 'Action 1',
          parentType: 'problem',
          parentId: PROBLEM_IDS.X,
          ownerRef: CHECKOUT_TEAM,
          dueAt: '2026-10-20T00:00:00.000Z',
        },
      ]);

      // W is a rejected proposal: left out.
      expect(result.rootedHere.map(r => [r.problem.id, r.affected])).toEqual([
        [PROBLEM_IDS.Z, [{ entityRef: A, incidentCount: 1 }]],
        [
          PROBLEM_IDS.X,
          [
            { entityRef: A, incidentCount: 4 },
            { entityRef: B, incidentCount: 0 },
          ],
        ],
      ]);
      expect(
        result.rootedElsewhere.map(r => [
          r.problem.id,
          r.problem.entityRef,
          r.affected,
        ]),
      ).toEqual([
        [
          PROBLEM_IDS.Y,
          'resource:default/orders-db',
          [{ entityRef: A, incidentCount: 0 }],
        ],
      ]);

      // X (availability) fixed 10-10, rooted here, so on all it hurts (A
      // and B): its incidents 7, 1, 2 in the 28 days before; in the 22 days
      // from the fix to now 5, 9 and 12 (availability, no problem) and 11
      // (linked to X). 3 and 4 are performance; 10 belongs to Z.
      expect(result.fixEffects).toEqual([
        {
          problem: expect.objectContaining({
            id: PROBLEM_IDS.X,
            number: 'PRB-000001',
          }),
          fixedAt: '2026-10-10T00:00:00.000Z',
          affectedEntityRefs: [A, B],
          before: {
            from: '2026-09-12T00:00:00.000Z',
            to: '2026-10-10T00:00:00.000Z',
            incidents: 3,
            perWeek: 0.75,
          },
          after: {
            from: '2026-10-10T00:00:00.000Z',
            to: '2026-11-01T00:00:00.000Z',
            incidents: 4,
            perWeek: (4 * 7) / 22,
          },
        },
      ]);
    });

    it('computes the whole organisation', async () => {
      const { analyse } = await setup(databaseId);
      const result = await analyse();
      expect(result.scope).toEqual({
        kind: 'organization',
        ref: null,
        entityRefs: null,
      });
      expect(result.incidents.total).toBe(6);
      expect(result.incidents.byPriority).toEqual({
        p1: 1,
        p2: 2,
        p3: 2,
        p4: 1,
        p5: 0,
      });
      expect(result.incidents.weekly.map(w => w.total)).toEqual([3, 2, 1]);
      expect(result.incidents.weekly[0].mttrMeanMs).toBe(
        ((2 + 1 + 5) * HOUR) / 3,
      );
      // Acknowledged after 5, 10, 20, 30 and 60 minutes.
      expect(result.mtta.overall).toEqual({
        count: 5,
        meanMs: 25 * MIN,
        medianMs: 20 * MIN,
        p90Ms: 60 * MIN,
      });
      // Resolved after 1, 2, 3 and 5 hours.
      expect(result.mttr.overall).toEqual({
        count: 4,
        meanMs: 2.75 * HOUR,
        medianMs: 2 * HOUR,
        p90Ms: 5 * HOUR,
      });
      expect(result.mttr.byPriority.map(p => p.priority)).toEqual([1, 2, 4]);
      expect(result.mtbfMs).toBe((15 * DAY - 110 * MIN) / 5);
      expect(result.repeat).toEqual({ incidents: 2, total: 6, rate: 2 / 6 });
      expect(result.openProblems.total).toBe(3);
      expect(result.actionItems).toMatchObject({ open: 4, overdue: 2 });
      expect(result.rootedHere.map(r => r.problem.number)).toEqual([
        'PRB-000003',
        'PRB-000001',
        'PRB-000005',
        'PRB-000002',
      ]);
      expect(result.rootedElsewhere).toEqual([]);
    });

    it('covers the entities of an owner and the parts of a system', async () => {
      const { analyse } = await setup(databaseId);
      const team = await analyse({ ownerRef: PAYMENTS_TEAM });
      expect(team.scope).toEqual({
        kind: 'owner',
        ref: PAYMENTS_TEAM,
        entityRefs: [B],
      });
      expect(team.incidents.total).toBe(1);
      expect(team.rootedElsewhere.map(r => r.problem.id)).toEqual([
        PROBLEM_IDS.X,
        PROBLEM_IDS.Y,
      ]);

      const shop = await analyse({ systemRef: 'system:default/shop' });
      expect(shop.scope.entityRefs).toEqual([
        A,
        'resource:default/orders-db',
        'system:default/shop',
      ]);
      expect(shop.incidents.total).toBe(5);
      expect(shop.rootedHere.map(r => r.problem.id)).toEqual([
        PROBLEM_IDS.Z,
        PROBLEM_IDS.X,
        PROBLEM_IDS.Y,
      ]);
      expect(shop.rootedElsewhere).toEqual([]);
    });

    it('counts only the records the caller may read', async () => {
      const { analyse, permissions } = await setup(databaseId);
      permissions.authorizeConditional.mockImplementation(
        async requests =>
          requests.map(({ permission }) => ({
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'itsm',
            resourceType: (permission as any).resourceType,
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: (permission as any).resourceType,
              params: { claims: [PAYMENTS_TEAM] },
            },
          })) as any,
      );
      const result = await analyse();
      expect(result.incidents.total).toBe(1);
      expect(result.mttr.overall).toMatchObject({ count: 1, meanMs: 5 * HOUR });
      expect(result.openProblems.items.map(p => p.id)).toEqual([PROBLEM_IDS.V]);
      expect(result.knownErrors.total).toBe(0);
      expect(result.actionItems).toMatchObject({ open: 1, overdue: 1 });
    });

    it('covers nothing for an owner or system not in the catalog', async () => {
      const { analyse } = await setup(databaseId);
      const ghosts = await analyse({ ownerRef: 'group:default/ghosts' });
      expect(ghosts.scope.entityRefs).toEqual([]);
      const nowhere = await analyse({ systemRef: 'system:default/nowhere' });
      expect(nowhere.scope.entityRefs).toEqual(['system:default/nowhere']);
    });

    it('answers an empty scope with zeros and nulls', async () => {
      const { analyse } = await setup(databaseId);
      const result = await analyse({ ownerRef: 'group:default/nobody' });
      expect(result.scope.entityRefs).toEqual([]);
      expect(result.incidents.total).toBe(0);
      expect(result.incidents.weekly).toHaveLength(3);
      expect(result.mtta.overall).toEqual({
        count: 0,
        meanMs: null,
        medianMs: null,
        p90Ms: null,
      });
      expect(result.mtbfMs).toBeNull();
      expect(result.repeat.rate).toBeNull();
      expect(result.actionItems).toMatchObject({ open: 0, overdue: 0 });
    });
  });
});
