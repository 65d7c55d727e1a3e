import { Knex } from 'knex';
import { AnalysisFilter, incidentsInWindow } from '../analysis/analysisScope';
import { weekIndexSql } from '../analysis/weekBuckets';

/** Resolved incidents of a week and their summed time to restore. */
export interface RestoreWeek {
  week: number;
  resolved: number;
  restoreMs: number;
}

/**
 * Time to restore per creation week: resolved incidents of the scope the
 * caller may read, created in the window, and the sum of their detection to
 * resolution times (the same definition as the analysis's MTTR).
 */
export async function restoreWeeks(
  db: Knex,
  filter: AnalysisFilter,
): Promise<RestoreWeek[]> {
  const rows: { week: string; resolved: string; restore_ms: string | null }[] =
    await incidentsInWindow(db, filter)
      .whereNotNull('resolved_at')
      .groupByRaw(weekIndexSql('created_at'))
      .select(
        db.raw(`${weekIndexSql('created_at')} AS week`),
        db.raw('COUNT(*) AS resolved'),
        db.raw('SUM(resolved_at - detected_at) AS restore_ms'),
      );
  return rows.map(row => ({
    week: Number(row.week),
    resolved: Number(row.resolved),
    restoreMs: Number(row.restore_ms ?? 0),
  }));
}
