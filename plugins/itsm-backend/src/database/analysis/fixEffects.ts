import {
  FIX_COMPARISON_WINDOW_DAYS,
  FixEffect,
  IncidentRate,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { DbTime } from '../tables';
import { toIso } from '../time';
import { AnalysisFilter, problemsOfScope } from './analysisScope';
import { SUMMARY_COLUMNS, SummaryRow, toSummary } from './problemSummary';
import { WEEK_MS } from './weekBuckets';

/** Length of each window compared around a fix. */
export const FIX_COMPARISON_MS =
  FIX_COMPARISON_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/** Most fixes the analysis compares. */
export const MAX_FIX_EFFECTS = 50;

interface FixedRow extends SummaryRow {
  resolved_at: DbTime;
}

interface CountRow {
  problem_id: string;
  before_count: number | string | null;
  after_count: number | string | null;
}

function rate(options: {
  from: number;
  to: number;
  incidents: number;
}): IncidentRate {
  const { from, to, incidents } = options;
  return {
    from: toIso(from),
    to: toIso(to),
    incidents,
    perWeek: to > from ? (incidents * WEEK_MS) / (to - from) : null,
  };
}

/**
 * Keeps the entities a problem's fix is judged on: all it hurts when it is
 * rooted in the scope (its blast radius), otherwise those of the scope.
 */
function whereCountedEntity(
  query: Knex.QueryBuilder,
  entityRefs: string[] | null,
): void {
  if (entityRefs) {
    const refs = entityRefs.length ? entityRefs : [''];
    query.where(inner =>
      inner.whereIn('pe.entity_ref', refs).orWhereIn('p.entity_ref', refs),
    );
  }
}

/**
 * For each problem of the scope fixed in the window (`fix_applied`), the
 * incidents it explains in the 28 days before the fix and in the 28 days
 * after it (cut at `now`), counted in one grouped join. An incident counts
 * when it is on an entity the fix is judged on and either is linked to the
 * problem or is of its category and linked to no problem: incidents of other
 * kinds, or explained by other problems, say nothing about this fix.
 */
export async function fixEffects(
  db: Knex,
  filter: AnalysisFilter,
): Promise<FixEffect[]> {
  const fixed: FixedRow[] = await problemsOfScope(db, filter)
    .where('resolution_code', 'fix_applied')
    .whereNotNull('resolved_at')
    .where('resolved_at', '>=', filter.from)
    .where('resolved_at', '<', filter.to)
    .select([...SUMMARY_COLUMNS, 'resolved_at'])
    .orderBy([
      { column: 'resolved_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(MAX_FIX_EFFECTS);
  if (fixed.length === 0) {
    return [];
  }
  const ids = fixed.map(row => row.id);
  const incidents = db('itsm_incidents')
    .whereNot('status', 'cancelled')
    .select('entity_ref', 'created_at', 'category', 'problem_id');
  filter.restrictIncidents?.(incidents);
  const counting = db('itsm_problems as p')
    .join('itsm_problem_entities as pe', 'pe.problem_id', 'p.id')
    .join(incidents.as('i'), 'i.entity_ref', 'pe.entity_ref')
    .whereIn('p.id', ids)
    .where(inner =>
      inner
        .where('i.problem_id', db.ref('p.id'))
        .orWhere(unlinked =>
          unlinked
            .whereNull('i.problem_id')
            .where('i.category', db.ref('p.category')),
        ),
    );
  whereCountedEntity(counting, filter.entityRefs);
  const counts: CountRow[] = await counting
    .whereRaw('i.created_at >= p.resolved_at - ?', [FIX_COMPARISON_MS])
    .whereRaw('i.created_at < p.resolved_at + ?', [FIX_COMPARISON_MS])
    .where('i.created_at', '<', filter.now)
    .groupBy('p.id')
    .select(
      'p.id as problem_id',
      db.raw(
        'SUM(CASE WHEN i.created_at < p.resolved_at THEN 1 ELSE 0 END) AS before_count',
      ),
      db.raw(
        'SUM(CASE WHEN i.created_at >= p.resolved_at THEN 1 ELSE 0 END) AS after_count',
      ),
    );
  const counted = db('itsm_problem_entities as pe')
    .join('itsm_problems as p', 'p.id', 'pe.problem_id')
    .whereIn('pe.problem_id', ids)
    .select('pe.problem_id', 'pe.entity_ref')
    .orderBy('pe.entity_ref');
  whereCountedEntity(counted, filter.entityRefs);
  const entities: { problem_id: string; entity_ref: string }[] = await counted;
  return fixed.map(row => {
    const fixedAt = Number(row.resolved_at);
    const count = counts.find(c => c.problem_id === row.id);
    const afterEnd = Math.max(
      fixedAt,
      Math.min(fixedAt + FIX_COMPARISON_MS, filter.now),
    );
    return {
      problem: toSummary(row),
      fixedAt: toIso(fixedAt),
      affectedEntityRefs: entities
        .filter(e => e.problem_id === row.id)
        .map(e => e.entity_ref),
      before: rate({
        from: fixedAt - FIX_COMPARISON_MS,
        to: fixedAt,
        incidents: Number(count?.before_count ?? 0),
      }),
      after: rate({
        from: fixedAt,
        to: afterEnd,
        incidents: Number(count?.after_count ?? 0),
      }),
    };
  });
}
