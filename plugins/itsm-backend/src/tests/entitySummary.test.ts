import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { newProblemRow } from '../database/newProblemRow';
import {
  A,
  FROM,
  NOW,
  PROBLEM_IDS,
  TO,
  insertAnalysisFixture,
} from '../__testUtils__/analysisFixture';
import {
  createTestServices,
  incidentInput,
  userCaller,
} from '../__testUtils__/fixtures';
import { resolveWithWorkaround } from '../__testUtils__/recordSteps';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CHECKOUT = 'component:default/checkout-api';

describe('entity summary', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const clock = { now: Date.parse('2026-11-01T10:00:00Z') };
      const { services, permissions } = createTestServices(knex, {
        now: () => clock.now,
      });
      return { services, permissions, clock };
    }

    it('counts open incidents per priority, MTTR over 30 days, open problems and known errors', async () => {
      const { services, clock } = await setup();
      const resolveAfter = async (minutes: number) => {
        const incident = await services.incidents.create(incidentInput(), ben);
        clock.now += minutes * MINUTE;
        await resolveWithWorkaround(services, incident.id, ben);
        return incident;
      };

      // Resolved 40 days before the summary: outside the window.
      await resolveAfter(600);
      clock.now += 10 * DAY;
      await resolveAfter(30);
      await resolveAfter(90);
      const open = await services.incidents.create(
        incidentInput({ impact: 1, urgency: 1 }),
        ben,
      );
      await services.incidents.create(incidentInput(), ben);
      await services.incidents.create(incidentInput(), ben);
      await services.incidents.create(
        incidentInput({ entityRef: 'component:default/payments-api' }),
        ben,
      );

      const problem = await services.problemsFromIncidents.create({
        incidentIdOrNumber: open.id,
        input: { holdIncident: false },
        caller: ben,
      });
      await services.problems.update({
        idOrNumber: problem.id,
        input: {
          version: 1,
          entityRef: 'resource:default/orders-db',
          rootCause: 'Pool exhausted',
          workaround: 'Restart pods',
        },
        caller: ben,
      });
      await services.knownErrors.publish({
        idOrNumber: problem.id,
        input: { version: 2 },
        caller: ben,
      });
      await services.problems.create(
        {
          title: 'Slow queries',
          statement: 'Queries slow down at peak',
          entityRef: CHECKOUT,
          category: 'performance',
          impact: 3,
          urgency: 3,
        },
        ben,
      );
      clock.now += 30 * DAY - 200 * MINUTE;

      const summary = await services.summaries.summarise(CHECKOUT, ben);
      expect(summary).toEqual({
        entityRef: CHECKOUT,
        openIncidentsByPriority: { 1: 1, 2: 2, 3: 0, 4: 0, 5: 0 },
        mttrMs: 60 * MINUTE,
        resolvedIncidents: 2,
        windowDays: 30,
        openProblems: 2,
        knownErrors: 1,
      });
      expect(
        await services.summaries.summarise('resource:default/orders-db', ben),
      ).toMatchObject({
        openIncidentsByPriority: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
        mttrMs: null,
        resolvedIncidents: 0,
        openProblems: 1,
        knownErrors: 1,
      });
    });

    it('counts the known errors affecting an entity as its analysis does', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await insertAnalysisFixture(knex);
      // A known error of A whose problem is closed: no longer in effect.
      const retired = '10000000-0000-4000-8000-000000000009';
      await knex('itsm_problems').insert(
        newProblemRow({
          id: retired,
          number: 9,
          title: 'Retired known error',
          statement: 'Fixture',
          entity_ref: null,
          owner_ref: null,
          category: 'availability',
          impact: 2,
          urgency: 2,
          priority: 3,
          reporter_ref: 'user:default/ben',
          source: 'manual',
          created_at: FROM,
          status: 'closed',
          resolution_code: 'fix_applied',
          resolved_at: FROM,
          closed_at: FROM,
          root_cause: 'Old cause',
          workaround: 'Old workaround',
          known_error: true,
          known_error_at: FROM,
        }),
      );
      await knex('itsm_problem_entities').insert({
        problem_id: retired,
        entity_ref: A,
        explicit: true,
        incident_count: 0,
      });
      const { services } = createTestServices(knex, { now: () => NOW });

      const summary = await services.summaries.summarise(A, ben);
      const analysis = await services.analysis.analyse({
        scope: { entityRef: A },
        from: FROM,
        to: TO,
        caller: ben,
      });
      // X is resolved, not closed: its workaround still applies where the fix is not yet in.
      expect(summary.knownErrors).toBe(1);
      expect(analysis.knownErrors.total).toBe(1);
      expect(analysis.knownErrors.items.map(p => p.id)).toEqual([
        PROBLEM_IDS.X,
      ]);
    });

    it('refuses a caller who may not read incidents', async () => {
      const { services, permissions } = await setup();
      permissions.authorizeConditional.mockResolvedValue([
        { result: AuthorizeResult.DENY },
      ]);
      await expect(
        services.summaries.summarise(CHECKOUT, ben),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    });
  });
});
