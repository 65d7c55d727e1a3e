import { Knex } from 'knex';
import { IncidentRow, ProblemRow } from '../tables';

/** A detected problem nobody has accepted or rejected yet. */
export interface OpenProposal {
  id: string;
  number: number;
  entityRef: string;
  category: string;
  /** When its earliest linked incident was created; epoch ms. */
  since: number;
}

/**
 * Detected problems of one rule still in `new`: the proposals that later
 * incidents of their group join instead of forming a proposal of their own.
 */
export async function openProposals(
  db: Knex,
  options: { detectionKeyPrefix: string },
): Promise<OpenProposal[]> {
  const earliestIncident = db('itsm_incidents')
    .whereRaw('itsm_incidents.problem_id = itsm_problems.id')
    .min('created_at');
  const rows: (Pick<ProblemRow, 'id' | 'number' | 'entity_ref' | 'category'> & {
    since: number | string | null;
  })[] = await db('itsm_problems')
    .where({ status: 'new', source: 'detected' })
    .where('detection_key', 'like', `${options.detectionKeyPrefix}%`)
    .whereNotNull('entity_ref')
    .orderBy('number')
    .select('id', 'number', 'entity_ref', 'category', {
      since: earliestIncident,
    });
  return rows.map(row => ({
    id: row.id,
    number: Number(row.number),
    entityRef: row.entity_ref as string,
    category: row.category,
    since: Number(row.since ?? 0),
  }));
}

/**
 * Locks a proposal for joining, if it is still open: a decision on it
 * committed meanwhile leaves it alone.
 */
export async function lockOpenProposal(
  tx: Knex.Transaction,
  problemId: string,
): Promise<Pick<ProblemRow, 'id' | 'number'> | undefined> {
  return tx('itsm_problems')
    .where({ id: problemId, status: 'new' })
    .forUpdate()
    .first('id', 'number');
}

/** Locks the incidents among `incidentIds` that no problem holds yet. */
export async function lockFreeIncidents(
  tx: Knex.Transaction,
  incidentIds: string[],
): Promise<Pick<IncidentRow, 'id' | 'number'>[]> {
  return tx('itsm_incidents')
    .whereIn('id', incidentIds)
    .whereNull('problem_id')
    .orderBy('number')
    .forUpdate()
    .select('id', 'number');
}
