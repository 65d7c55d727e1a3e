import { Knex } from 'knex';
import { IncidentRow } from '../tables';

/** An incident not yet linked to a problem, as detection rules see it. */
export interface CandidateIncident {
  id: string;
  number: number;
  title: string;
  entityRef: string;
  ownerRef: string | null;
  category: string;
  impact: number;
  urgency: number;
  priority: number;
  major: boolean;
  createdAt: number;
}

const CANDIDATE_COLUMNS = [
  'id',
  'number',
  'title',
  'entity_ref',
  'owner_ref',
  'category',
  'impact',
  'urgency',
  'priority',
  'major',
  'created_at',
] as const;

type CandidateRow = Pick<IncidentRow, (typeof CANDIDATE_COLUMNS)[number]>;

/** Incidents created since a time that belong to no problem and were not cancelled. */
function unlinkedSince(db: Knex, since: number): Knex.QueryBuilder {
  return db('itsm_incidents')
    .whereNull('problem_id')
    .where('created_at', '>=', since)
    .whereNot('status', 'cancelled');
}

/**
 * Incidents created since `since` that belong to no problem and were not
 * cancelled: the only ones detection may group. `entityRefs` narrows them.
 */
export async function unlinkedIncidents(
  db: Knex,
  options: { since: number; entityRefs?: string[]; onlyMajor?: boolean },
): Promise<CandidateIncident[]> {
  const query = unlinkedSince(db, options.since).select(CANDIDATE_COLUMNS);
  if (options.entityRefs) {
    query.whereIn('entity_ref', options.entityRefs);
  }
  if (options.onlyMajor) {
    query.where(inner => inner.where('priority', 1).orWhere('major', true));
  }
  const rows: CandidateRow[] = await query;
  return rows.map(row => ({
    id: row.id,
    number: Number(row.number),
    title: row.title,
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref,
    category: row.category,
    impact: Number(row.impact),
    urgency: Number(row.urgency),
    priority: Number(row.priority),
    major: Boolean(row.major),
    createdAt: Number(row.created_at),
  }));
}

/**
 * Entity and category pairs with at least `minIncidents` unlinked incidents
 * since `since`: the only groups the repeated-incidents rule needs to load.
 */
export async function busyEntityCategories(
  db: Knex,
  options: { since: number; minIncidents: number },
): Promise<{ entityRef: string; category: string }[]> {
  const rows: { entity_ref: string; category: string }[] = await unlinkedSince(
    db,
    options.since,
  )
    .groupBy('entity_ref', 'category')
    .havingRaw('COUNT(*) >= ?', [options.minIncidents])
    .select('entity_ref', 'category');
  return rows.map(row => ({
    entityRef: row.entity_ref,
    category: row.category,
  }));
}

/** Entities with unlinked incidents since `since`. */
export async function entitiesWithUnlinkedIncidents(
  db: Knex,
  since: number,
): Promise<string[]> {
  const rows: { entity_ref: string }[] = await unlinkedSince(
    db,
    since,
  ).distinct('entity_ref');
  return rows.map(row => row.entity_ref);
}
