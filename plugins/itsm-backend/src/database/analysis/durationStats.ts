import {
  DurationBreakdown,
  DurationStats,
  PRIORITIES,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { AnalysisFilter, incidentsInWindow } from './analysisScope';

interface StatsRow {
  metric: number | string;
  priority: number | string;
  n: number | string;
  total_ms: number | string;
  median_ms: number | string;
  p90_ms: number | string;
}

/** Rank of a nearest-rank percentile, ceil(p × n) for p = percent / 100, in integer arithmetic. */
function rankSql(percent: number, count: string): string {
  return `(${count} * ${percent} + 99) / 100`;
}

/** Metrics by the code they carry in SQL; integers sort faster than text. */
const METRICS = { 1: 'mtta', 2: 'mttr' } as const;

const DURATIONS_SQL = `
WITH scoped AS (%SCOPED%),
durations AS (
  SELECT 1 AS metric, priority, acknowledged_at - detected_at AS ms
    FROM scoped WHERE acknowledged_at IS NOT NULL
  UNION ALL
  SELECT 2 AS metric, priority, resolved_at - detected_at AS ms
    FROM scoped WHERE resolved_at IS NOT NULL
)`;

/*
 * Nearest-rank percentiles with window functions: ROW_NUMBER and COUNT rank
 * every duration within its metric and priority, and within its metric
 * overall; the percentile is the value at rank ceil(p × n). Row 0 of each
 * metric is the overall figure.
 */
const WINDOW_SQL = `${DURATIONS_SQL},
ranked AS (
  SELECT metric, priority, ms,
    ROW_NUMBER() OVER (PARTITION BY metric, priority ORDER BY ms) AS rank_p,
    COUNT(*) OVER (PARTITION BY metric, priority) AS n_p,
    ROW_NUMBER() OVER (PARTITION BY metric ORDER BY ms) AS rank_all,
    COUNT(*) OVER (PARTITION BY metric) AS n_all
  FROM durations
)
SELECT metric, priority, COUNT(*) AS n, SUM(ms) AS total_ms,
  MAX(CASE WHEN rank_p = ${rankSql(50, 'n_p')} THEN ms END) AS median_ms,
  MAX(CASE WHEN rank_p = ${rankSql(90, 'n_p')} THEN ms END) AS p90_ms
FROM ranked GROUP BY metric, priority
UNION ALL
SELECT metric, 0 AS priority, COUNT(*) AS n, SUM(ms) AS total_ms,
  MAX(CASE WHEN rank_all = ${rankSql(50, 'n_all')} THEN ms END) AS median_ms,
  MAX(CASE WHEN rank_all = ${rankSql(90, 'n_all')} THEN ms END) AS p90_ms
FROM ranked GROUP BY metric
`;

/** Columns each duration is measured between, per metric. */
const SPANS = {
  mtta: 'acknowledged_at',
  mttr: 'resolved_at',
} as const;

/*
 * PostgreSQL's percentile_disc is defined as the same nearest rank (the
 * first value whose position reaches p × n). One plain aggregate per metric,
 * with a FILTER per priority, sorts each subset once without sorting the
 * window by priority first; the two metrics run as two statements at once.
 */
function percentileDiscSql(end: string): string {
  const figures = (group: number, filter: string) =>
    `COUNT(*)${filter} AS n_${group}, SUM(ms)${filter} AS total_${group}, ` +
    `PERCENTILE_DISC(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ms)${filter} AS q_${group}`;
  const byPriority = PRIORITIES.map(p =>
    figures(p, ` FILTER (WHERE priority = ${p})`),
  );
  return `SELECT ${[figures(0, ''), ...byPriority].join(', ')}
FROM (SELECT priority, ${end} - detected_at AS ms
      FROM (%SCOPED%) scoped WHERE ${end} IS NOT NULL) durations`;
}

async function percentileDiscRows(
  db: Knex,
  scoped: { sql: string; bindings: readonly Knex.Value[] },
): Promise<StatsRow[]> {
  const { sql, bindings } = scoped;
  const rows: StatsRow[] = [];
  await Promise.all(
    Object.values(SPANS).map(async (end, index) => {
      const result = await db.raw(
        percentileDiscSql(end).replace('%SCOPED%', sql),
        bindings,
      );
      const [row] = result.rows;
      for (const priority of [0, ...PRIORITIES]) {
        if (Number(row[`n_${priority}`]) > 0) {
          const [median, p90] = row[`q_${priority}`];
          rows.push({
            metric: index + 1,
            priority,
            n: row[`n_${priority}`],
            total_ms: row[`total_${priority}`],
            median_ms: median,
            p90_ms: p90,
          });
        }
      }
    }),
  );
  return rows;
}

const EMPTY: DurationStats = {
  count: 0,
  meanMs: null,
  medianMs: null,
  p90Ms: null,
};

function toStats(row: StatsRow): DurationStats {
  const count = Number(row.n);
  return {
    count,
    meanMs: Math.round(Number(row.total_ms) / count),
    medianMs: Number(row.median_ms),
    p90Ms: Number(row.p90_ms),
  };
}

/** MTTA (detection to acknowledgement) and MTTR (detection to resolution) of the window. */
export async function durationStats(
  db: Knex,
  filter: AnalysisFilter,
): Promise<{ mtta: DurationBreakdown; mttr: DurationBreakdown }> {
  const scoped = incidentsInWindow(db, filter).select(
    'priority',
    'detected_at',
    'acknowledged_at',
    'resolved_at',
  );
  const { sql, bindings } = scoped.toSQL();
  let rows: StatsRow[];
  if (db.client.config.client === 'pg') {
    rows = await percentileDiscRows(db, { sql, bindings });
  } else {
    rows = await db.raw(WINDOW_SQL.replace('%SCOPED%', sql), bindings);
  }
  const breakdown = (metric: string): DurationBreakdown => {
    const mine = rows.filter(
      row => METRICS[Number(row.metric) as keyof typeof METRICS] === metric,
    );
    const overall = mine.find(row => Number(row.priority) === 0);
    return {
      overall: overall ? toStats(overall) : EMPTY,
      byPriority: mine
        .filter(row => Number(row.priority) !== 0)
        .map(row => ({
          priority: Number(row.priority) as Priority,
          ...toStats(row),
        }))
        .sort((a, b) => a.priority - b.priority),
    };
  };
  return { mtta: breakdown('mtta'), mttr: breakdown('mttr') };
}
