import {
  PRIORITIES,
  Priority,
  PriorityCounts,
  WeeklyIncidents,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { AnalysisFilter, incidentsInWindow } from './analysisScope';
import {
  weekIndexSql,
  weekIndexesBetween,
  weekStartOfIndex,
} from './weekBuckets';

/** Weekly counts and the totals that come from the same pass over the window. */
export interface IncidentTrend {
  total: number;
  byPriority: PriorityCounts;
  weekly: WeeklyIncidents[];
  /** The most frequent categories, ties by name. */
  topCategories: { category: string; count: number }[];
  /** Incidents linked to a problem that has two or more incidents. */
  repeatIncidents: number;
  /** Mean gap between consecutive detections; null below two incidents. */
  mtbfMs: number | null;
}

interface TrendRow {
  week: number | string;
  priority: number;
  category: string;
  incidents: number | string;
  resolved: number | string;
  restore_ms: number | string | null;
  repeats: number | string;
  first_detected: number | string;
  last_detected: number | string;
}

function zeroCounts(): PriorityCounts {
  return { p1: 0, p2: 0, p3: 0, p4: 0, p5: 0 };
}

function priorityKey(priority: number): keyof PriorityCounts {
  return `p${
    (PRIORITIES as readonly number[]).includes(priority) ? priority : 5
  }` as `p${Priority}`;
}

/** How many categories the analysis lists. */
export const TOP_CATEGORY_COUNT = 10;

/**
 * Incidents per week, priority and category in one grouped query; totals,
 * top categories, repeat count and MTBF are folded from the groups it
 * returns (weeks × priorities × categories at most), so the window is read
 * once.
 */
export async function incidentTrend(
  db: Knex,
  filter: AnalysisFilter,
): Promise<IncidentTrend> {
  const repeatedProblems = db('itsm_problem_entities')
    .select('problem_id')
    .groupBy('problem_id')
    .havingRaw('SUM(incident_count) >= 2');
  if (filter.entityRefs) {
    // A scope's few problems, rather than every problem's incident count.
    repeatedProblems.whereIn(
      'problem_id',
      incidentsInWindow(db, filter)
        .whereNotNull('problem_id')
        .select('problem_id'),
    );
  }
  const rows: TrendRow[] = await db
    .from(incidentsInWindow(db, filter).as('i'))
    .leftJoin(repeatedProblems.as('r'), 'r.problem_id', 'i.problem_id')
    .groupByRaw(`${weekIndexSql('i.created_at')}, i.priority, i.category`)
    .select(
      db.raw(`${weekIndexSql('i.created_at')} AS week`),
      'i.priority',
      'i.category',
      db.raw('COUNT(*) AS incidents'),
      db.raw('COUNT(i.resolved_at) AS resolved'),
      db.raw('SUM(i.resolved_at - i.detected_at) AS restore_ms'),
      db.raw(
        'SUM(CASE WHEN r.problem_id IS NULL THEN 0 ELSE 1 END) AS repeats',
      ),
      db.raw('MIN(i.detected_at) AS first_detected'),
      db.raw('MAX(i.detected_at) AS last_detected'),
    );

  const weeks = new Map<number, WeeklyIncidents & { restoreMs: number }>();
  for (const index of weekIndexesBetween(filter.from, filter.to)) {
    weeks.set(index, {
      weekStart: new Date(weekStartOfIndex(index)).toISOString(),
      total: 0,
      byPriority: zeroCounts(),
      resolved: 0,
      mttrMeanMs: null,
      restoreMs: 0,
    });
  }
  const byPriority = zeroCounts();
  const categories = new Map<string, number>();
  let total = 0;
  let repeatIncidents = 0;
  let firstDetected = Infinity;
  let lastDetected = -Infinity;
  for (const row of rows) {
    const week = weeks.get(Number(row.week))!;
    const count = Number(row.incidents);
    const key = priorityKey(Number(row.priority));
    week.total += count;
    week.byPriority[key] += count;
    week.resolved += Number(row.resolved);
    week.restoreMs += Number(row.restore_ms ?? 0);
    byPriority[key] += count;
    categories.set(row.category, (categories.get(row.category) ?? 0) + count);
    total += count;
    repeatIncidents += Number(row.repeats);
    firstDetected = Math.min(firstDetected, Number(row.first_detected));
    lastDetected = Math.max(lastDetected, Number(row.last_detected));
  }
  const weekly = [...weeks.values()].map(({ restoreMs, ...week }) => ({
    ...week,
    mttrMeanMs:
      week.resolved > 0 ? Math.round(restoreMs / week.resolved) : null,
  }));
  const topCategories = [...categories.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) =>
      b.count !== a.count
        ? b.count - a.count
        : Number(a.category > b.category) - Number(a.category < b.category),
    )
    .slice(0, TOP_CATEGORY_COUNT);
  return {
    total,
    byPriority,
    weekly,
    topCategories,
    repeatIncidents,
    mtbfMs:
      total >= 2
        ? Math.round((lastDetected - firstDetected) / (total - 1))
        : null,
  };
}
