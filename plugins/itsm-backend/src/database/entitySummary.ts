import {
  OPEN_INCIDENT_STATUSES,
  OPEN_PROBLEM_STATUSES,
  PRIORITIES,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { QueryRestriction } from './incidents';
import { knownErrorsInEffect } from './knownErrorsInEffect';
import { whereProblemMatches } from './problems';

/** Open incidents of an entity per priority, counted in SQL. */
export async function countOpenIncidentsByPriority(
  db: Knex,
  options: { entityRef: string; restrict?: QueryRestriction },
): Promise<Record<Priority, number>> {
  const query = db('itsm_incidents')
    .select('priority')
    .count({ count: '*' })
    .where('entity_ref', options.entityRef)
    .whereIn('status', OPEN_INCIDENT_STATUSES)
    .groupBy('priority');
  options.restrict?.(query);
  const rows = (await query) as { priority: number; count: number | string }[];
  const counts = Object.fromEntries(PRIORITIES.map(p => [p, 0])) as Record<
    Priority,
    number
  >;
  for (const row of rows) {
    counts[Number(row.priority) as Priority] = Number(row.count);
  }
  return counts;
}

/** Mean detection-to-resolution time of an entity's incidents resolved since `since`. */
export async function meanTimeToResolve(
  db: Knex,
  options: { entityRef: string; since: number; restrict?: QueryRestriction },
): Promise<{ meanMs: number | null; count: number }> {
  const query = db('itsm_incidents')
    .select(db.raw('AVG(resolved_at - detected_at) as mean_ms'))
    .count({ count: '*' })
    .where('entity_ref', options.entityRef)
    .where('resolved_at', '>=', options.since);
  options.restrict?.(query);
  const [row] = (await query) as {
    mean_ms: number | string | null;
    count: number | string;
  }[];
  const count = Number(row?.count ?? 0);
  return {
    meanMs: count > 0 ? Math.round(Number(row.mean_ms)) : null,
    count,
  };
}

/** Open problems rooted in or hurting an entity. */
export async function countOpenProblems(
  db: Knex,
  options: { entityRef: string; restrict?: QueryRestriction },
): Promise<number> {
  const query = db('itsm_problems').count({ count: '*' });
  whereProblemMatches(db, query, {
    anyEntityRefs: [options.entityRef],
    statuses: [...OPEN_PROBLEM_STATUSES],
  });
  options.restrict?.(query);
  const [row] = (await query) as { count: number | string }[];
  return Number(row?.count ?? 0);
}

/** Known errors in effect for an entity, counted as the analysis counts them. */
export async function countKnownErrorsInEffect(
  db: Knex,
  options: { entityRef: string; restrict?: QueryRestriction },
): Promise<number> {
  const [row] = (await knownErrorsInEffect(db, {
    entityRefs: [options.entityRef],
    restrict: options.restrict,
  }).count({ count: '*' })) as { count: number | string }[];
  return Number(row?.count ?? 0);
}
