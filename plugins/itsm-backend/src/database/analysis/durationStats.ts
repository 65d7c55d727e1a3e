import {
  DurationBreakdown,
  DurationStats,
  Priority,
} from '@internal/plugin-itsm-common';
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

/*
 * PostgreSQL's percentile_disc is defined as the same nearest rank (the
 * first value whose position reaches p × n) and sorts each group once,
 * several times faster than the window functions on large windows.
 */
const PERCENTILE_DISC_SQL = `${DURATIONS_SQL}
SELECT metric, COALESCE(priority, 0) AS priority, COUNT(*) AS n,
  SUM(ms) AS total_ms,
  PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY ms) AS median_ms,
  PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY ms) AS p90_ms
FROM durations GROUP BY GROUPING SETS ((metric, priority), (metric))
`;

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
  const template =
    db.client.config.client === 'pg' ? PERCENTILE_DISC_SQL : WINDOW_SQL;
  const result = await db.raw(template.replace('%SCOPED%', sql), bindings);
  const rows: StatsRow[] = Array.isArray(result) ? result : result.rows;
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
