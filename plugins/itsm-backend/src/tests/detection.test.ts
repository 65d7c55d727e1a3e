import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_PRIORITY_MATRIX } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { DetectionConfig } from '../services/detection/detectionConfig';
import { ProblemDetector } from '../services/detection/ProblemDetector';
import {
  TEST_ENTITIES,
  createTestServices,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const NOW = Date.parse('2026-11-20T12:00:00Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const ben = userCaller('ben');

function service(name: string, dependsOn: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: 'checkout-team', lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/checkout-team' },
      ...dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
    ],
  };
}

const DB = 'resource:default/orders-db';
const ENTITIES: Entity[] = [
  ...TEST_ENTITIES,
  service('cart', [DB]),
  service('search', [DB]),
  service('orders', [DB, 'component:default/payments-api']),
  service('emails', []),
];

const RULES: DetectionConfig = {
  enabled: true,
  frequency: { minutes: 5 },
  lookbackMs: 30 * DAY,
  repeatedIncidents: { minIncidents: 3, windowMs: 14 * DAY },
  sharedDependency: { minComponents: 3, windowMs: 60 * MIN },
  majorIncidents: true,
};

let number = 0;

async function insertIncident(
  knex: Knex,
  options: {
    entity: string;
    category?: string;
    at: number;
    priority?: number;
    status?: string;
  },
): Promise<string> {
  number += 1;
  const id = `50000000-0000-4000-8000-${String(number).padStart(12, '0')}`;
  const priority = options.priority ?? 3;
  await knex('itsm_incidents').insert({
    id,
    number,
    title: `Incident ${number}`,
    description: 'Fixture',
    entity_ref: `component:default/${options.entity}`,
    owner_ref: 'group:default/checkout-team',
    category: options.category ?? 'availability',
    impact: priority === 1 ? 1 : 2,
    urgency: priority === 1 ? 1 : 2,
    priority,
    status: options.status ?? 'new',
    reporter_ref: 'user:default/ben',
    source: 'manual',
    detected_at: options.at,
    created_at: options.at,
    updated_at: options.at,
  });
  await knex('itsm_sequences')
    .where({ name: 'incident' })
    .update({ last_value: number });
  return id;
}

describe('problem detection', () => {
  const databases = TestDatabases.create();

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    rules: Partial<DetectionConfig> = {},
  ) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    number = 0;
    const detector = () =>
      new ProblemDetector({
        db: knex,
        catalog: catalogServiceMock({ entities: ENTITIES }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        config: { ...RULES, ...rules },
        priorityMatrix: DEFAULT_PRIORITY_MATRIX,
        now: () => NOW,
      });
    const { services } = createTestServices(knex, {
      now: () => NOW,
      entities: ENTITIES,
    });
    const proposals = () =>
      knex('itsm_problems').where({ source: 'detected' }).orderBy('number');
    const linkedTo = async (problemId: string) =>
      (
        await knex('itsm_incidents')
          .where({ problem_id: problemId })
          .orderBy('number')
          .select('number')
      ).map(row => Number(row.number));
    return { knex, detector, services, proposals, linkedTo };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('proposes a problem for 3 incidents on one entity and category within 14 days', async () => {
      const { knex, detector, proposals, linkedTo, services } = await setup(
        databaseId,
        {
          sharedDependency: undefined,
          majorIncidents: false,
        },
      );
      await insertIncident(knex, {
        entity: 'checkout-api',
        at: NOW - 20 * DAY,
      });
      await insertIncident(knex, {
        entity: 'checkout-api',
        at: NOW - 10 * DAY,
      });
      await insertIncident(knex, { entity: 'checkout-api', at: NOW - 5 * DAY });
      await insertIncident(knex, {
        entity: 'checkout-api',
        at: NOW - 4 * DAY,
        category: 'data',
      });
      await insertIncident(knex, {
        entity: 'checkout-api',
        at: NOW - 3 * DAY,
        status: 'cancelled',
      });
      await insertIncident(knex, { entity: 'checkout-api', at: NOW - DAY });
      await insertIncident(knex, { entity: 'payments-api', at: NOW - DAY });

      expect(await detector().run()).toEqual({
        proposed: 1,
        already_proposed: 0,
        incidents_taken: 0,
      });
      const [problem] = await proposals();
      expect(problem).toMatchObject({
        status: 'new',
        source: 'detected',
        entity_ref: 'component:default/checkout-api',
        owner_ref: 'group:default/checkout-team',
        category: 'availability',
        reporter_ref: 'service:itsm-problem-detection',
        title:
          '3 availability incidents on component:default/checkout-api within 14 days',
      });
      expect(problem.statement).toBe(
        'Detected by the repeated-incidents rule (3 or more incidents on one entity and category within 14 days): INC-000002, INC-000003, INC-000006 hit component:default/checkout-api in category availability.',
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
      const { knex, detector, proposals } = await setup(databaseId);
      for (const days of [3, 2, 1]) {
        await insertIncident(knex, {
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

    it('remembers a rejected proposal and accepts one into assess', async () => {
      const { knex, detector, proposals, services } = await setup(databaseId);
      for (const days of [3, 2, 1]) {
        await insertIncident(knex, {
          entity: 'checkout-api',
          at: NOW - days * DAY,
        });
      }
      for (const days of [3, 2, 1]) {
        await insertIncident(knex, {
          entity: 'payments-api',
          at: NOW - days * DAY,
          category: 'data',
        });
      }
      await detector().run();
      const [first, second] = await proposals();

      const rejected = await services.problems.transition({
        idOrNumber: first.id,
        input: {
          version: 1,
          to: 'closed',
          resolutionCode: 'cancelled',
          resolutionNotes: 'Not one cause',
        },
        caller: ben,
      });
      expect(rejected).toMatchObject({
        status: 'closed',
        resolutionCode: 'cancelled',
      });
      // Even with its incidents unlinked again, the group is not proposed anew.
      for (const incident of await knex('itsm_incidents').where({
        problem_id: first.id,
      })) {
        await services.problemLinks.unlink({
          problemIdOrNumber: first.id,
          incidentIdOrNumber: incident.id,
          caller: ben,
        });
      }
      expect((await detector().run()).proposed).toBe(0);
      expect((await detector().run()).already_proposed).toBe(1);
      expect(await proposals()).toHaveLength(2);

      const accepted = await services.problems.transition({
        idOrNumber: second.id,
        input: { version: 1, to: 'assess' },
        caller: ben,
      });
      expect(accepted).toMatchObject({ status: 'assess', source: 'detected' });
    });

    it('suspects the shared dependency of 3 components with incidents within an hour', async () => {
      const { knex, detector, proposals, linkedTo } = await setup(databaseId, {
        repeatedIncidents: undefined,
        majorIncidents: false,
      });
      await insertIncident(knex, {
        entity: 'cart',
        at: NOW - 3 * 60 * MIN,
        category: 'performance',
      });
      await insertIncident(knex, {
        entity: 'cart',
        at: NOW - 50 * MIN,
        category: 'performance',
      });
      await insertIncident(knex, { entity: 'search', at: NOW - 30 * MIN });
      await insertIncident(knex, { entity: 'emails', at: NOW - 20 * MIN });
      await insertIncident(knex, { entity: 'orders', at: NOW - 5 * MIN });
      await insertIncident(knex, { entity: 'search', at: NOW - 1 * MIN });

      expect((await detector().run()).proposed).toBe(1);
      const [problem] = await proposals();
      expect(problem).toMatchObject({
        entity_ref: DB,
        owner_ref: 'group:default/platform-team',
        category: 'dependency',
        title:
          'Incidents on 3 components that depend on resource:default/orders-db',
      });
      expect(problem.statement).toContain(
        'hit component:default/cart, component:default/orders, component:default/search, which all depend on resource:default/orders-db; it is the suspected root cause.',
      );
      // Incident 1 is more than an hour before; emails does not depend on the database.
      expect(await linkedTo(problem.id)).toEqual([2, 3, 5, 6]);
      expect((await detector().run()).proposed).toBe(0);
    });

    it('needs the components within the short window', async () => {
      const { knex, detector, proposals } = await setup(databaseId, {
        repeatedIncidents: undefined,
        majorIncidents: false,
      });
      await insertIncident(knex, { entity: 'cart', at: NOW - 3 * 60 * MIN });
      await insertIncident(knex, { entity: 'search', at: NOW - 90 * MIN });
      await insertIncident(knex, { entity: 'orders', at: NOW - 10 * MIN });
      expect((await detector().run()).proposed).toBe(0);
      expect(await proposals()).toHaveLength(0);
    });

    it('proposes a problem for every P1 incident when configured', async () => {
      const { knex, detector, proposals, linkedTo } = await setup(databaseId, {
        repeatedIncidents: undefined,
        sharedDependency: undefined,
      });
      await insertIncident(knex, {
        entity: 'checkout-api',
        at: NOW - DAY,
        priority: 2,
      });
      await insertIncident(knex, {
        entity: 'payments-api',
        at: NOW - DAY,
        priority: 1,
      });
      await insertIncident(knex, {
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
