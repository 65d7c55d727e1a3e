import {
  DurationBreakdown,
  DurationStats,
  Priority,
} from '@internal/plugin-itsm-common';
import { Knex } from 'knex';
import { AnalysisFilter, incidentsInWindow } from './analysisScope';

interface StatsRow {
  metric: string;
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

/*
 * Both durations in one pass: ROW_NUMBER and COUNT over windows rank every
 * duration within its metric and priority, and within its metric overall;
 * the percentile is the value at the nearest rank. Window functions exist
 * alike on SQLite 3.25+ and PostgreSQL, so both give identical values.
 */
const STATS_SQL = `
WITH scoped AS (%SCOPED%),
durations AS (
  SELECT 'mtta' AS metric, priority, acknowledged_at - detected_at AS ms
    FROM scoped WHERE acknowledged_at IS NOT NULL
  UNION ALL
  SELECT 'mttr' AS metric, priority, resolved_at - detected_at AS ms
    FROM scoped WHERE resolved_at IS NOT NULL
),
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
  const result = await db.raw(STATS_SQL.replace('%SCOPED%', sql), bindings);
  const rows: StatsRow[] = Array.isArray(result) ? result : result.rows;
  const breakdown = (metric: string): DurationBreakdown => {
    const mine = rows.filter(row => row.metric === metric);
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
