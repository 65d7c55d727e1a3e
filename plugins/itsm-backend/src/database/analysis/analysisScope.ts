import { Knex } from 'knex';
import { whereIncidentAffects } from '../incidentEntities';
import { QueryRestriction } from '../incidents';

/** Which records an analysis reads: the scope's entities and the caller's restrictions. */
export interface AnalysisFilter {
  /** Entities covered; null for the whole organisation. */
  entityRefs: string[] | null;
  /** Window `[from, to)` in epoch ms, on incident creation time. */
  from: number;
  to: number;
  /** The time ages and overdue dates are measured at. */
  now: number;
  restrictIncidents?: QueryRestriction;
  restrictProblems?: QueryRestriction;
}

function whereEntityIn(query: Knex.QueryBuilder, entityRefs: string[]): void {
  if (entityRefs.length === 0) {
    query.whereRaw('1 = 0');
  } else {
    query.whereIn('entity_ref', entityRefs);
  }
}

/**
 * Incidents of the scope the caller may read, all time, cancelled ones
 * excluded: on one of its entities or affecting one besides their own.
 */
export function readableIncidents(
  db: Knex,
  filter: AnalysisFilter,
): Knex.QueryBuilder {
  const query = db('itsm_incidents').whereNot('status', 'cancelled');
  if (filter.entityRefs?.length === 0) {
    query.whereRaw('1 = 0');
  } else if (filter.entityRefs) {
    whereIncidentAffects(query, { entityRefs: filter.entityRefs });
  }
  filter.restrictIncidents?.(query);
  return query;
}

/** Incidents of the scope created in the window. */
export function incidentsInWindow(
  db: Knex,
  filter: AnalysisFilter,
): Knex.QueryBuilder {
  return readableIncidents(db, filter)
    .where('created_at', '>=', filter.from)
    .where('created_at', '<', filter.to);
}

/**
 * Problems the caller may read that concern the scope: rooted in one of its
 * entities or hurting one. The two lookups are a UNION rather than an OR so
 * that each uses its index.
 */
export function problemsOfScope(
  db: Knex,
  filter: Pick<AnalysisFilter, 'entityRefs' | 'restrictProblems'>,
): Knex.QueryBuilder {
  const query = db('itsm_problems');
  const refs = filter.entityRefs;
  if (refs) {
    const ids = db('itsm_problems')
      .select('id')
      .whereIn('entity_ref', refs.length ? refs : [''])
      .union(sub =>
        sub
          .select('problem_id')
          .from('itsm_problem_entities')
          .whereIn('entity_ref', refs.length ? refs : ['']),
      );
    query.whereIn('id', ids);
  }
  filter.restrictProblems?.(query);
  return query;
}

/** Problems whose root-cause entity is in the scope. */
export function problemsRootedInScope(
  db: Knex,
  filter: AnalysisFilter,
): Knex.QueryBuilder {
  const query = db('itsm_problems').whereNotNull('entity_ref');
  if (filter.entityRefs) {
    whereEntityIn(query, filter.entityRefs);
  }
  filter.restrictProblems?.(query);
  return query;
}
