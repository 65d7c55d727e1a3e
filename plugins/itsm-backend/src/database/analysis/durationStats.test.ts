import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../migrations';
import { durationStats } from './durationStats';

jest.setTimeout(60_000);

/** Nearest-rank percentile computed in JavaScript, for comparison. */
function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1];
}

/** A small deterministic generator, so failures reproduce. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('durationStats', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'gives the nearest-rank percentiles of JavaScript on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const next = random(7);
      const base = Date.parse('2026-10-01T00:00:00Z');
      const rows = Array.from({ length: 157 }, (_, i) => {
        const priority = 1 + Math.floor(next() * 5);
        const ack = Math.floor(next() * 3_600_000);
        const resolved =
          i % 4 === 0 ? null : ack + Math.floor(next() * 86_400_000);
        return {
          id: `40000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          number: i + 1,
          title: 'T',
          description: 'D',
          entity_ref: 'component:default/a',
          category: 'data',
          impact: 1,
          urgency: 1,
          priority,
          status: resolved === null ? 'in_progress' : 'resolved',
          reporter_ref: 'user:default/ben',
          source: 'manual',
          detected_at: base + i * 1000,
          acknowledged_at: base + i * 1000 + ack,
          resolved_at: resolved === null ? null : base + i * 1000 + resolved,
          created_at: base + i * 1000,
          updated_at: base,
        };
      });
      for (let i = 0; i < rows.length; i += 40) {
        await knex('itsm_incidents').insert(rows.slice(i, i + 40));
      }
      const stats = await durationStats(knex, {
        entityRefs: null,
        from: base,
        to: base + 86_400_000,
        now: base,
      });
      const expectFor = (values: number[]) => ({
        count: values.length,
        meanMs: Math.round(values.reduce((a, b) => a + b, 0) / values.length),
        medianMs: nearestRank(values, 0.5),
        p90Ms: nearestRank(values, 0.9),
      });
      const ackOf = (r: (typeof rows)[number]) =>
        r.acknowledged_at - r.detected_at;
      const resolvedRows = rows.filter(r => r.resolved_at !== null);
      const restoreOf = (r: (typeof rows)[number]) =>
        r.resolved_at! - r.detected_at;
      expect(stats.mtta.overall).toEqual(expectFor(rows.map(ackOf)));
      expect(stats.mttr.overall).toEqual(
        expectFor(resolvedRows.map(restoreOf)),
      );
      for (const { priority, ...figures } of stats.mttr.byPriority) {
        expect(figures).toEqual(
          expectFor(
            resolvedRows.filter(r => r.priority === priority).map(restoreOf),
          ),
        );
      }
      expect(
        stats.mtta.byPriority.map(p => p.count).reduce((a, b) => a + b),
      ).toBe(157);
    },
  );
});
