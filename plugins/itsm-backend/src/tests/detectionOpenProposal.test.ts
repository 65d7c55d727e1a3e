import { TestDatabases } from '@backstage/backend-test-utils';
import { userCaller } from '../__testUtils__/fixtures';
import {
  DAY,
  DETECTION_NOW as NOW,
  setupDetection,
} from '../__testUtils__/detectionFixture';

jest.setTimeout(120_000);

const ben = userCaller('ben');

/** Incidents on one entity and category that arrive after their group was proposed. */
describe('incidents joining an open detection proposal', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const detection = await setupDetection(await databases.init(databaseId), {
      sharedDependency: undefined,
      majorIncidents: false,
    });
    const { insertIncident, detector } = detection;
    for (const days of [29, 28, 27]) {
      await insertIncident({ entity: 'checkout-api', at: NOW - days * DAY });
    }
    expect((await detector().run()).proposed).toBe(1);
    const [proposal] = await detection.proposals();
    return { ...detection, proposal };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('adds later incidents of the group to the open proposal, even past its window, never proposing the group twice', async () => {
      const {
        insertIncident,
        detector,
        proposals,
        linkedTo,
        proposal,
        services,
      } = await setup(databaseId);
      // Past the 14-day window of the first group: enough for a group of their own.
      for (const days of [10, 9, 8]) {
        await insertIncident({ entity: 'checkout-api', at: NOW - days * DAY });
      }
      await insertIncident({
        entity: 'checkout-api',
        category: 'latency',
        at: NOW - DAY,
      });

      expect(await detector().run()).toEqual({
        proposed: 0,
        already_proposed: 0,
        incidents_taken: 0,
        joined: 3,
      });
      expect(await proposals()).toHaveLength(1);
      expect(await linkedTo(proposal.id)).toEqual([1, 2, 3, 4, 5, 6]);

      // A single late incident joins too.
      await insertIncident({ entity: 'checkout-api', at: NOW - DAY });
      expect((await detector().run()).joined).toBe(1);
      expect(await linkedTo(proposal.id)).toEqual([1, 2, 3, 4, 5, 6, 8]);
      expect((await detector().run()).joined).toBe(0);

      const problem = await services.problems.get(proposal.id, ben);
      expect(problem).toMatchObject({
        incidentCount: 7,
        affectedEntityRefs: ['component:default/checkout-api'],
      });
      const timeline = await services.incidents.timeline({
        idOrNumber: 'INC-000008',
        limit: 20,
        caller: ben,
      });
      expect(
        timeline.items.filter(e => e.kind === 'linked').map(e => e.body),
      ).toEqual([
        'PRB-000001: joined the open detection proposal of its group',
      ]);
      const problemTimeline = await services.problems.timeline({
        idOrNumber: proposal.id,
        limit: 50,
        caller: ben,
      });
      expect(
        problemTimeline.items
          .filter(e => e.kind === 'linked')
          .map(e => e.body)
          .sort(),
      ).toEqual([
        'INC-000001',
        'INC-000002',
        'INC-000003',
        'INC-000004',
        'INC-000005',
        'INC-000006',
        'INC-000008',
      ]);
    });

    it('links each late incident once when detection runs concurrently', async () => {
      const { insertIncident, detector, proposals, linkedTo, proposal, knex } =
        await setup(databaseId);
      for (const days of [10, 9, 8, 7]) {
        await insertIncident({ entity: 'checkout-api', at: NOW - days * DAY });
      }
      const runs = await Promise.all([detector().run(), detector().run()]);
      expect(runs.map(run => run.joined).reduce((a, b) => a + b)).toBe(4);
      expect(runs.map(run => run.proposed)).toEqual([0, 0]);
      expect(await proposals()).toHaveLength(1);
      expect(await linkedTo(proposal.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const linkRows = await knex('itsm_timeline').where({
        record_id: proposal.id,
        kind: 'linked',
      });
      expect(linkRows).toHaveLength(7);
    });

    it('leaves a decided proposal alone: later incidents form a group of their own', async () => {
      const {
        insertIncident,
        detector,
        proposals,
        linkedTo,
        proposal,
        services,
      } = await setup(databaseId);
      await services.problems.transition({
        idOrNumber: proposal.id,
        input: { version: 1, to: 'assess' },
        caller: ben,
      });
      for (const days of [10, 9, 8]) {
        await insertIncident({ entity: 'checkout-api', at: NOW - days * DAY });
      }
      const run = await detector().run();
      expect(run).toMatchObject({ proposed: 1, joined: 0 });
      const [, second] = await proposals();
      expect(await linkedTo(proposal.id)).toEqual([1, 2, 3]);
      expect(await linkedTo(second.id)).toEqual([4, 5, 6]);
    });
  });
});
