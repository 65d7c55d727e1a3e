import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import {
  PRIORITIES,
  ReliabilityAnalysis,
} from '@backstage-itsm/plugin-itsm-common';
import request from 'supertest';
import { startDemoBackend } from '../__testUtils__/startDemoBackend';

jest.setTimeout(120_000);

const NOW = Date.UTC(2026, 10, 23, 14, 0, 0);
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const MONDAY = Date.UTC(1970, 0, 5);

interface Raw {
  id: string;
  entity_ref: string;
  status: string;
  priority: number;
  category: string;
  problem_id: string | null;
  detected_at: number;
  acknowledged_at: number | null;
  resolved_at: number | null;
  created_at: number;
}

function stats(values: number[]) {
  if (values.length === 0) {
    return { count: 0, meanMs: null, medianMs: null, p90Ms: null };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.ceil(p * sorted.length) - 1];
  return {
    count: values.length,
    meanMs: Math.round(values.reduce((a, b) => a + b, 0) / values.length),
    medianMs: at(0.5),
    p90Ms: at(0.9),
  };
}

/** Every incident figure recomputed from raw rows, independently of the SQL. */
function expected(
  rows: Raw[],
  problemSizes: Map<string, number>,
  from: number,
  to: number,
) {
  const inWindow = rows.filter(
    r => r.status !== 'cancelled' && r.created_at >= from && r.created_at < to,
  );
  const weeks = new Map<number, number>();
  for (
    let w = Math.floor((from - MONDAY) / WEEK);
    w <= Math.floor((to - 1 - MONDAY) / WEEK);
    w++
  ) {
    weeks.set(w, 0);
  }
  for (const r of inWindow) {
    const w = Math.floor((r.created_at - MONDAY) / WEEK);
    weeks.set(w, weeks.get(w)! + 1);
  }
  const categories = new Map<string, number>();
  inWindow.forEach(r =>
    categories.set(r.category, (categories.get(r.category) ?? 0) + 1),
  );
  const detected = inWindow.map(r => r.detected_at);
  const ack = (r: Raw) => r.acknowledged_at! - r.detected_at;
  const res = (r: Raw) => r.resolved_at! - r.detected_at;
  const acked = inWindow.filter(r => r.acknowledged_at !== null);
  const resolved = inWindow.filter(r => r.resolved_at !== null);
  const repeats = inWindow.filter(
    r => r.problem_id !== null && (problemSizes.get(r.problem_id) ?? 0) >= 2,
  ).length;
  return {
    total: inWindow.length,
    weekly: [...weeks.entries()].map(([w, count]) => [
      new Date(w * WEEK + MONDAY).toISOString(),
      count,
    ]),
    topCategories: [...categories.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([category, count]) => ({ category, count })),
    mtta: stats(acked.map(ack)),
    mttr: stats(resolved.map(res)),
    mttaByPriority: PRIORITIES.map(p => [
      p,
      stats(acked.filter(r => r.priority === p).map(ack)),
    ]).filter(([, s]) => (s as { count: number }).count > 0),
    mttrByPriority: PRIORITIES.map(p => [
      p,
      stats(resolved.filter(r => r.priority === p).map(res)),
    ]).filter(([, s]) => (s as { count: number }).count > 0),
    mtbfMs:
      detected.length >= 2
        ? Math.round(
            (Math.max(...detected) - Math.min(...detected)) /
              (detected.length - 1),
          )
        : null,
    repeat: {
      incidents: repeats,
      total: inWindow.length,
      rate: inWindow.length ? repeats / inWindow.length : null,
    },
  };
}

describe('analysis of the demo data', () => {
  const databases = TestDatabases.create();
  let stopBackend: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await stopBackend?.();
    stopBackend = undefined;
    jest.restoreAllMocks();
  });

  it.each(databases.eachSupportedId())(
    'matches figures recomputed from the raw rows on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { backend } = await startDemoBackend({ knex, now: NOW });
      stopBackend = () => backend.stop();
      async function analyse(query: {
        from: number;
        to: number;
        entityRef?: string;
      }): Promise<ReliabilityAnalysis> {
        const response = await request(backend.server)
          .get('/api/itsm/analysis')
          .query(query)
          .set(
            'Authorization',
            mockCredentials.user.header('user:default/ben'),
          );
        expect(response.status).toBe(200);
        return response.body;
      }

      const rows: Raw[] = (await knex('itsm_incidents')).map((r: any) => ({
        ...r,
        priority: Number(r.priority),
        detected_at: Number(r.detected_at),
        acknowledged_at:
          r.acknowledged_at === null ? null : Number(r.acknowledged_at),
        resolved_at: r.resolved_at === null ? null : Number(r.resolved_at),
        created_at: Number(r.created_at),
      }));
      const problemSizes = new Map<string, number>();
      for (const r of await knex('itsm_problem_entities')) {
        problemSizes.set(
          r.problem_id,
          (problemSizes.get(r.problem_id) ?? 0) + Number(r.incident_count),
        );
      }
      const busiest = [
        ...rows.reduce(
          (m, r) => m.set(r.entity_ref, (m.get(r.entity_ref) ?? 0) + 1),
          new Map<string, number>(),
        ),
      ].sort((a, b) => b[1] - a[1])[0][0];

      const alsoOnBusiest = new Set(
        (
          await knex('itsm_incident_entities').where({ entity_ref: busiest })
        ).map((r: { incident_id: string }) => r.incident_id),
      );
      for (const [from, scope, subset] of [
        [NOW - 90 * DAY, {}, rows],
        [NOW - 180 * DAY, {}, rows],
        [
          NOW - 180 * DAY,
          { entityRef: busiest },
          // Incidents count on each entity they affect besides their own.
          rows.filter(r => r.entity_ref === busiest || alsoOnBusiest.has(r.id)),
        ],
      ] as const) {
        const result = await analyse({ ...scope, from, to: NOW });
        const want = expected([...subset], problemSizes, from, NOW);
        expect(result.incidents.total).toBeGreaterThan(0);
        expect(result.incidents.total).toBe(want.total);
        expect(
          result.incidents.weekly.map(w => [w.weekStart, w.total]),
        ).toEqual(want.weekly);
        expect(result.incidents.topCategories).toEqual(want.topCategories);
        expect(result.mtta.overall).toEqual(want.mtta);
        expect(result.mttr.overall).toEqual(want.mttr);
        expect(
          result.mtta.byPriority.map(({ priority, ...s }) => [priority, s]),
        ).toEqual(want.mttaByPriority);
        expect(
          result.mttr.byPriority.map(({ priority, ...s }) => [priority, s]),
        ).toEqual(want.mttrByPriority);
        expect(result.mtbfMs).toBe(want.mtbfMs);
        expect(result.repeat).toEqual(want.repeat);
      }

      const from = NOW - 180 * DAY;
      const org = await analyse({ from, to: NOW });
      const problems = await knex('itsm_problems');
      const items = await knex('itsm_action_items');
      const entities = await knex('itsm_problem_entities');
      expect(org.openProblems.total).toBe(
        problems.filter(p =>
          ['new', 'assess', 'root_cause_analysis', 'fix_in_progress'].includes(
            p.status,
          ),
        ).length,
      );
      expect(org.knownErrors.total).toBe(
        problems.filter(p => Boolean(p.known_error) && p.status !== 'closed')
          .length,
      );
      const open = items.filter(i => i.status === 'open');
      expect(org.actionItems.open).toBe(open.length);
      expect(org.actionItems.overdue).toBe(
        open.filter(i => i.due_at !== null && Number(i.due_at) < NOW).length,
      );
      const window = 28 * DAY;
      /*
       * Before and after each fix: incidents on the entities the problem hurt
       * (all of them when it is rooted in the scope, else the scope's), linked
       * to it, or of its category and linked to no problem.
       */
      const fixEffectsFromRows = (scope: string[] | null) =>
        problems
          .filter(
            p =>
              p.resolution_code === 'fix_applied' &&
              p.resolved_at !== null &&
              Number(p.resolved_at) >= from,
          )
          .filter(
            p =>
              !scope ||
              scope.includes(p.entity_ref) ||
              entities.some(
                e => e.problem_id === p.id && scope.includes(e.entity_ref),
              ),
          )
          .sort((a, b) => Number(b.resolved_at) - Number(a.resolved_at))
          .map(p => {
            const at = Number(p.resolved_at);
            const rootedHere = !scope || scope.includes(p.entity_ref);
            const refs = entities
              .filter(e => e.problem_id === p.id)
              .map(e => e.entity_ref)
              .filter(ref => rootedHere || scope!.includes(ref))
              .sort();
            const counted = rows.filter(
              r =>
                r.status !== 'cancelled' &&
                refs.includes(r.entity_ref) &&
                (r.problem_id === p.id ||
                  (r.problem_id === null && r.category === p.category)),
            );
            const between = (start: number, end: number) =>
              counted.filter(r => r.created_at >= start && r.created_at < end)
                .length;
            return [
              p.title,
              refs,
              between(at - window, at),
              between(at, Math.min(at + window, NOW)),
            ];
          });
      const figures = (analysis: ReliabilityAnalysis) =>
        analysis.fixEffects.map(f => [
          f.problem.title,
          f.affectedEntityRefs,
          f.before.incidents,
          f.after.incidents,
        ]);
      const fixes = fixEffectsFromRows(null);
      expect(fixes.length).toBeGreaterThan(0);
      expect(figures(org)).toEqual(fixes);
      const payments = 'component:default/payments-api';
      const onPayments = await analyse({ from, to: NOW, entityRef: payments });
      expect(figures(onPayments)).toEqual(fixEffectsFromRows([payments]));
      expect(
        onPayments.fixEffects.every(
          f =>
            f.problem.entityRef === payments ||
            f.affectedEntityRefs.join() === payments,
        ),
      ).toBe(true);

      // The overview card and the Reliability tab count the same known errors.
      const summary = await request(backend.server)
        .get('/api/itsm/entity-summary')
        .query({ entityRef: payments })
        .set('Authorization', mockCredentials.user.header('user:default/ben'));
      expect(summary.status).toBe(200);
      expect(onPayments.knownErrors.total).toBeGreaterThan(0);
      expect(summary.body.knownErrors).toBe(onPayments.knownErrors.total);

      // The story: key pre-publication ended the token failures; the longer
      // fraud timeout did not stop the declines.
      const effect = (title: string) =>
        org.fixEffects.find(f => f.problem.title.startsWith(title))!;
      const tokens = effect('Token validation fails');
      expect(tokens.before.incidents).toBeGreaterThan(0);
      expect(tokens.after.incidents).toBe(0);
      const fraud = effect('Payments declined because fraud-detector');
      expect(fraud.after.perWeek!).toBeGreaterThanOrEqual(
        fraud.before.perWeek!,
      );
    },
  );
});
