import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { createTestServices, userCaller } from '../__testUtils__/fixtures';
import {
  A,
  B,
  FROM,
  NOW,
  PAYMENTS_TEAM,
  TO,
  insertAnalysisFixture,
} from '../__testUtils__/analysisFixture';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const DAY = 24 * 60 * 60_000;

/**
 * Incidents before and after a fix count those the problem explains: on the
 * entities it hurt (all of them when it is rooted in the scope, else those of
 * the scope), linked to it, or of its category and linked to no problem.
 */
describe('before and after fixes', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await insertAnalysisFixture(knex);
      const { services } = createTestServices(knex, { now: () => NOW });
      const analyse = (scope: Record<string, string> = {}) =>
        services.analysis.analyse({ scope, from: FROM, to: TO, caller: ben });
      return { analyse, knex };
    }

    it('compares each fix on the entities of the scope it hurt, as recomputed from the raw rows', async () => {
      const { analyse, knex } = await setup();
      // On B, X is rooted elsewhere: only B's incident 12 counts.
      const onB = await analyse({ entityRef: B });
      expect(
        onB.fixEffects.map(f => [
          f.affectedEntityRefs,
          f.before.incidents,
          f.after.incidents,
        ]),
      ).toEqual([[[B], 0, 1]]);

      const incidents = await knex('itsm_incidents');
      const problems = await knex('itsm_problems');
      const entities = await knex('itsm_problem_entities');
      const window = 28 * DAY;
      const fromRows = (scope: string[] | null) =>
        problems
          .filter(
            p =>
              p.resolution_code === 'fix_applied' &&
              Number(p.resolved_at) >= FROM &&
              Number(p.resolved_at) < TO,
          )
          .filter(
            p =>
              !scope ||
              scope.includes(p.entity_ref) ||
              entities.some(
                e => e.problem_id === p.id && scope.includes(e.entity_ref),
              ),
          )
          .map(p => {
            const at = Number(p.resolved_at);
            const rootedHere = !scope || scope.includes(p.entity_ref);
            const refs = entities
              .filter(e => e.problem_id === p.id)
              .map(e => e.entity_ref)
              .filter(ref => rootedHere || scope!.includes(ref))
              .sort();
            const counted = incidents.filter(
              i =>
                i.status !== 'cancelled' &&
                refs.includes(i.entity_ref) &&
                (i.problem_id === p.id ||
                  (i.problem_id === null && i.category === p.category)),
            );
            const between = (start: number, end: number) =>
              counted.filter(
                i =>
                  Number(i.created_at) >= start && Number(i.created_at) < end,
              ).length;
            return [
              p.id,
              refs,
              between(at - window, at),
              between(at, Math.min(at + window, NOW)),
            ];
          });
      for (const [scope, refs] of [
        [{}, null],
        [{ entityRef: A }, [A]],
        [{ entityRef: B }, [B]],
        [{ ownerRef: PAYMENTS_TEAM }, [B]],
      ] as const) {
        const result = await analyse(scope);
        expect(
          result.fixEffects.map(f => [
            f.problem.id,
            f.affectedEntityRefs,
            f.before.incidents,
            f.after.incidents,
          ]),
        ).toEqual(fromRows(refs as string[] | null));
      }
    });
  });
});
