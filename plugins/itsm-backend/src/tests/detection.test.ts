import { TestDatabases } from '@backstage/backend-test-utils';
import { DetectionConfig } from '../services/detection/detectionConfig';
import { userCaller } from '../__testUtils__/fixtures';
import {
  DAY,
  DB,
  DETECTION_NOW as NOW,
  MIN,
  setupDetection,
} from '../__testUtils__/detectionFixture';

jest.setTimeout(120_000);

const ben = userCaller('ben');

describe('problem detection', () => {
  const databases = TestDatabases.create();

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    rules: Partial<DetectionConfig> = {},
  ) {
    return setupDetection(await databases.init(databaseId), rules);
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('proposes a problem for 3 incidents on one entity and category within 14 days', async () => {
      const { insertIncident, detector, proposals, linkedTo, services } =
        await setup(databaseId, {
          sharedDependency: undefined,
          majorIncidents: false,
        });
      await insertIncident({
        entity: 'checkout-api',
        at: NOW - 20 * DAY,
      });
      await insertIncident({
        entity: 'checkout-api',
        at: NOW - 10 * DAY,
      });
      await insertIncident({ entity: 'checkout-api', at: NOW - 5 * DAY });
      await insertIncident({
        entity: 'checkout-api',
        at: NOW - 4 * DAY,
        category: 'data',
      });
      await insertIncident({
        entity: 'checkout-api',
        at: NOW - 3 * DAY,
        status: 'cancelled',
      });
      await insertIncident({ entity: 'checkout-api', at: NOW - DAY });
      await insertIncident({ entity: 'payments-api', at: NOW - DAY });

      expect(await detector().run()).toEqual({
        proposed: 1,
        already_proposed: 0,
        incidents_taken: 0,
        joined: 0,
      });
      const [problem] = await proposals();
      expect(problem).toMatchObject({
        status: 'new',
        source: 'detected',
        entity_ref: 'component:default/checkout-api',
        owner_ref: 'group:default/checkout-team',
        category: 'availability',
        reporter_ref: 'service:itsm-problem-detection',
        title: '3 availability incidents on Checkout API within 14 days',
      });
      expect(problem.statement).toBe(
        'Detected by the repeated-incidents rule (3 or more incidents on one entity and category within 14 days): INC-000002, INC-000003, INC-000006 hit Checkout API in category availability.',
      );
      // The first incident is 15 days before the third: outside the window.
      expect(await linkedTo(problem.id)).toEqual([2, 3, 6]);

      const api = await services.problems.get(problem.id, ben);
      expect(api).toMatchObject({
        affectedEntityRefs: ['component:default/checkout-api'],
        incidentCount: 3,
        detectionKey: expect.stringMatching(
          /^repeated_incidents:[0-9a-f]{40}$/,
        ),
      });
      const timeline = await services.problems.timeline({
        idOrNumber: problem.id,
        limit: 10,
        caller: ben,
      });
      expect(timeline.items.map(e => e.kind).sort()).toEqual([
        'created',
        'linked',
        'linked',
        'linked',
      ]);
    });

    it('never proposes the same group twice, across runs and restarts', async () => {
      const { insertIncident, detector, proposals } = await setup(databaseId);
      for (const days of [3, 2, 1]) {
        await insertIncident({
          entity: 'checkout-api',
          at: NOW - days * DAY,
        });
      }
      await detector().run();
      const second = await detector().run();
      expect(second.proposed).toBe(0);
      await Promise.all([detector().run(), detector().run()]);
      expect(await proposals()).toHaveLength(1);
    });

    it('rejects a proposal with a reason, releasing its incidents, and never proposes the group again', async () => {
      const { insertIncident, detector, proposals, linkedTo, services } =
        await setup(databaseId);
      for (const days of [3, 2, 1]) {
        await insertIncident({
          entity: 'checkout-api',
          at: NOW - days * DAY,
        });
      }
      for (const days of [3, 2, 1]) {
        await insertIncident({
          entity: 'payments-api',
          at: NOW - days * DAY,
          category: 'data',
        });
      }
      await detector().run();
      const [first, second] = await proposals();
      const reject = (resolutionNotes?: string) =>
        services.problems.transition({
          idOrNumber: first.id,
          input: {
            version: 1,
            to: 'closed',
            resolutionCode: 'cancelled',
            resolutionNotes,
          },
          caller: ben,
        });

      await expect(reject()).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('resolutionNotes is required'),
      });
      expect(await linkedTo(first.id)).toEqual([1, 2, 3]);

      const rejected = await reject('Three unrelated deploys');
      expect(rejected).toMatchObject({
        status: 'closed',
        resolutionCode: 'cancelled',
        resolutionNotes: 'Three unrelated deploys',
        incidentCount: 0,
        affectedEntityRefs: [],
      });
      expect(await linkedTo(first.id)).toEqual([]);
      const problemTimeline = await services.problems.timeline({
        idOrNumber: first.id,
        limit: 20,
        caller: ben,
      });
      expect(
        problemTimeline.items
          .filter(e => ['transition', 'unlinked'].includes(e.kind))
          .map(e => [e.kind, e.body]),
      ).toEqual(
        expect.arrayContaining([
          ['transition', 'Three unrelated deploys'],
          ['unlinked', 'INC-000001'],
          ['unlinked', 'INC-000002'],
          ['unlinked', 'INC-000003'],
        ]),
      );
      for (const number of ['INC-000001', 'INC-000002', 'INC-000003']) {
        const incident = await services.incidents.get(number, ben);
        expect(incident).toMatchObject({ problemId: null, version: 3 });
        const timeline = await services.incidents.timeline({
          idOrNumber: number,
          limit: 20,
          caller: ben,
        });
        expect(
          timeline.items.filter(e => e.kind === 'unlinked').map(e => e.body),
        ).toEqual(['PRB-000001: proposal rejected: Three unrelated deploys']);
      }

      // The released incidents form the same group: it is not proposed anew.
      expect((await detector().run()).proposed).toBe(0);
      expect((await detector().run()).already_proposed).toBe(1);
      expect(await proposals()).toHaveLength(2);

      const accepted = await services.problems.transition({
        idOrNumber: second.id,
        input: { version: 1, to: 'assess' },
        caller: ben,
      });
      expect(accepted).toMatchObject({
        status: 'assess',
        source: 'detected',
        incidentCount: 3,
      });
    });

    it('takes impact and urgency from the worst incident, the earliest of equals', async () => {
      const { insertIncident, detector, proposals, services } = await setup(
        databaseId,
        {
          sharedDependency: undefined,
          majorIncidents: false,
        },
      );
      await insertIncident({
        entity: 'payments-api',
        at: NOW - 5 * DAY,
        priority: 4,
        impact: 3,
        urgency: 2,
      });
      await insertIncident({
        entity: 'payments-api',
        at: NOW - 4 * DAY,
        priority: 3,
        impact: 2,
        urgency: 2,
      });
      await insertIncident({
        entity: 'payments-api',
        at: NOW - 3 * DAY,
        priority: 3,
        impact: 1,
        urgency: 3,
      });
      await insertIncident({
        entity: 'payments-api',
        at: NOW - 2 * DAY,
        priority: 4,
        impact: 2,
        urgency: 3,
      });
      expect((await detector().run()).proposed).toBe(1);
      const [problem] = await proposals();
      // The smallest impact (1) and urgency (2) would make a P2 that no incident is.
      expect(problem).toMatchObject({
        impact: 2,
        urgency: 2,
        priority: 3,
        title: '4 availability incidents on payments-api within 14 days',
      });
      const renamed = await services.problems.update({
        idOrNumber: problem.id,
        input: { version: 1, title: 'payments-api drops its pool at peak' },
        caller: ben,
      });
      expect(renamed).toMatchObject({
        title: 'payments-api drops its pool at peak',
        source: 'detected',
        version: 2,
      });
    });

    it('suspects the shared dependency of 3 components with incidents within an hour', async () => {
      const { insertIncident, detector, proposals, linkedTo } = await setup(
        databaseId,
        {
          repeatedIncidents: undefined,
          majorIncidents: false,
        },
      );
      await insertIncident({
        entity: 'cart',
        at: NOW - 3 * 60 * MIN,
        category: 'performance',
      });
      await insertIncident({
        entity: 'cart',
        at: NOW - 50 * MIN,
        category: 'performance',
      });
      await insertIncident({ entity: 'search', at: NOW - 30 * MIN });
      await insertIncident({ entity: 'emails', at: NOW - 20 * MIN });
      await insertIncident({ entity: 'orders', at: NOW - 5 * MIN });
      await insertIncident({ entity: 'search', at: NOW - 1 * MIN });

      expect((await detector().run()).proposed).toBe(1);
      const [problem] = await proposals();
      expect(problem).toMatchObject({
        entity_ref: DB,
        owner_ref: 'group:default/platform-team',
        category: 'dependency',
        title: 'Incidents on 3 components that depend on orders-db',
      });
      expect(problem.statement).toContain(
        'hit cart, orders, search, which all depend on orders-db; it is the suspected root cause.',
      );
      // Incident 1 is more than an hour before; emails does not depend on the database.
      expect(await linkedTo(problem.id)).toEqual([2, 3, 5, 6]);
      expect((await detector().run()).proposed).toBe(0);
    });

    it('needs the components within the short window', async () => {
      const { insertIncident, detector, proposals } = await setup(databaseId, {
        repeatedIncidents: undefined,
        majorIncidents: false,
      });
      await insertIncident({ entity: 'cart', at: NOW - 3 * 60 * MIN });
      await insertIncident({ entity: 'search', at: NOW - 90 * MIN });
      await insertIncident({ entity: 'orders', at: NOW - 10 * MIN });
      expect((await detector().run()).proposed).toBe(0);
      expect(await proposals()).toHaveLength(0);
    });

    it('proposes a problem for every P1 incident when configured', async () => {
      const { insertIncident, detector, proposals, linkedTo } = await setup(
        databaseId,
        {
          repeatedIncidents: undefined,
          sharedDependency: undefined,
        },
      );
      await insertIncident({
        entity: 'checkout-api',
        at: NOW - DAY,
        priority: 2,
      });
      await insertIncident({
        entity: 'payments-api',
        at: NOW - DAY,
        priority: 1,
      });
      await insertIncident({
        entity: 'payments-api',
        at: NOW - 40 * DAY,
        priority: 1,
      });
      expect((await detector().run()).proposed).toBe(1);
      const [problem] = await proposals();
      expect(problem).toMatchObject({
        entity_ref: 'component:default/payments-api',
        title: 'Cause of major incident INC-000002: Incident 2',
        impact: 1,
        urgency: 1,
        priority: 1,
      });
      expect(await linkedTo(problem.id)).toEqual([2]);
      expect((await detector().run()).proposed).toBe(0);
    });
  });
});
