import {
  AffectedEntity,
  AgedProblem,
  AnalysisProblem,
  OPEN_PROBLEM_STATUSES,
  ProblemBlastRadius,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { knownErrorsInEffect } from '../knownErrorsInEffect';
import { problemsAffecting } from '../problems';
import {
  AnalysisFilter,
  problemsOfScope,
  problemsRootedInScope,
} from './analysisScope';
import { SUMMARY_COLUMNS, SummaryRow, toSummary } from './problemSummary';

/** Most problems listed in each section; totals count them all. */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * The first rows of a query with the count of all of them, in one statement:
 * the window COUNT is taken before LIMIT applies.
 */
async function firstWithTotal(
  db: Knex,
  options: {
    query: Knex.QueryBuilder;
    orderBy: { column: string; order?: 'asc' | 'desc' }[];
  },
): Promise<{
  total: number;
  rows: (SummaryRow & { total: number | string })[];
}> {
  const rows = await options.query
    .select([...SUMMARY_COLUMNS, db.raw('COUNT(*) OVER () AS total')])
    .orderBy(options.orderBy)
    .limit(MAX_LISTED_PROBLEMS);
  return { total: rows.length ? Number(rows[0].total) : 0, rows };
}

/** Problems still open, oldest first, with their age at `now`. */
export async function openProblems(
  db: Knex,
  filter: AnalysisFilter,
): Promise<{ total: number; items: AgedProblem[] }> {
  const query = problemsOfScope(db, filter).whereIn(
    'status',
    OPEN_PROBLEM_STATUSES,
  );
  const { total, rows } = await firstWithTotal(db, {
    query,
    orderBy: [{ column: 'created_at' }, { column: 'id' }],
  });
  return {
    total,
    items: rows.map(row => ({
      ...toSummary(row),
      ageMs: filter.now - Number(row.created_at),
    })),
  };
}

/** Known errors in effect in the scope, latest published first. */
export async function knownErrors(
  db: Knex,
  filter: AnalysisFilter,
): Promise<{ total: number; items: AnalysisProblem[] }> {
  const query = knownErrorsInEffect(db, {
    entityRefs: filter.entityRefs,
    restrict: filter.restrictProblems,
  });
  const { total, rows } = await firstWithTotal(db, {
    query,
    orderBy: [
      { column: 'known_error_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ],
  });
  return { total, items: rows.map(toSummary) };
}

/**
 * Problems active during the window: opened before its end, not closed
 * before its start, and not dismissed as a duplicate or cancelled proposal.
 */
function activeInWindow(query: Knex.QueryBuilder, filter: AnalysisFilter) {
  return query
    .where('created_at', '<', filter.to)
    .where(inner =>
      inner.whereNull('closed_at').orWhere('closed_at', '>=', filter.from),
    )
    .where(inner =>
      inner
        .whereNull('resolution_code')
        .orWhereNotIn('resolution_code', ['duplicate', 'cancelled']),
    );
}

async function affectedOf(
  db: Knex,
  options: { problemIds: string[]; onlyEntityRefs: string[] | null },
): Promise<Map<string, AffectedEntity[]>> {
  const { problemIds, onlyEntityRefs } = options;
  const byProblem = new Map<string, AffectedEntity[]>(
    problemIds.map(id => [id, []]),
  );
  if (problemIds.length === 0) {
    return byProblem;
  }
  const query = db('itsm_problem_entities')
    .whereIn('problem_id', problemIds)
    .select('problem_id', 'entity_ref', 'incident_count')
    .orderBy([{ column: 'incident_count', order: 'desc' }, 'entity_ref']);
  if (onlyEntityRefs) {
    query.whereIn('entity_ref', onlyEntityRefs);
  }
  const rows: {
    problem_id: string;
    entity_ref: string;
    incident_count: number | string;
  }[] = await query;
  for (const row of rows) {
    byProblem.get(row.problem_id)!.push({
      entityRef: row.entity_ref,
      incidentCount: Number(row.incident_count),
    });
  }
  return byProblem;
}

async function withAffected(
  db: Knex,
  options: { query: Knex.QueryBuilder; onlyEntityRefs: string[] | null },
): Promise<ProblemBlastRadius[]> {
  const rows: SummaryRow[] = await options.query
    .select(SUMMARY_COLUMNS)
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(MAX_LISTED_PROBLEMS);
  const affected = await affectedOf(db, {
    problemIds: rows.map(row => row.id),
    onlyEntityRefs: options.onlyEntityRefs,
  });
  return rows.map(row => ({
    problem: toSummary(row),
    affected: affected.get(row.id)!,
  }));
}

/** Problems rooted in the scope, with every entity they hurt (blast radius). */
export async function problemsRootedHere(
  db: Knex,
  filter: AnalysisFilter,
): Promise<ProblemBlastRadius[]> {
  return withAffected(db, {
    query: activeInWindow(problemsRootedInScope(db, filter), filter),
    onlyEntityRefs: null,
  });
}

/** Problems rooted outside the scope, with the scope's entities they hurt. */
export async function problemsRootedElsewhere(
  db: Knex,
  filter: AnalysisFilter,
): Promise<ProblemBlastRadius[]> {
  const refs = filter.entityRefs;
  if (!refs || refs.length === 0) {
    return [];
  }
  const query = db('itsm_problems')
    .whereNotNull('entity_ref')
    .whereNotIn('entity_ref', refs)
    .whereIn('id', problemsAffecting(refs));
  filter.restrictProblems?.(query);
  return withAffected(db, {
    query: activeInWindow(query, filter),
    onlyEntityRefs: refs,
  });
}
