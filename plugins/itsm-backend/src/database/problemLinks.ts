import { Knex } from 'knex';
import { IncidentRow } from './tables';

/**
 * Links an incident to a problem, with the incident's other changes, if the
 * incident still has the version read and no problem. False otherwise.
 */
export async function linkIncidentToProblem(
  tx: Knex.Transaction,
  options: {
    incident: Pick<IncidentRow, 'id' | 'version'>;
    problemId: string;
    changes: Partial<IncidentRow>;
  },
): Promise<boolean> {
  const { incident } = options;
  const count = await tx<IncidentRow>('itsm_incidents')
    .where({ id: incident.id, version: incident.version })
    .whereNull('problem_id')
    .update({
      ...options.changes,
      problem_id: options.problemId,
      version: Number(incident.version) + 1,
    });
  return count === 1;
}

/**
 * Links every given incident to a problem if none of them has one yet.
 * Returns how many were linked; fewer than given means another change
 * linked some of them first.
 */
export async function linkFreeIncidentsToProblem(
  tx: Knex.Transaction,
  options: { incidentIds: string[]; problemId: string; now: number },
): Promise<number> {
  return tx('itsm_incidents')
    .whereIn('id', options.incidentIds)
    .whereNull('problem_id')
    .update({
      problem_id: options.problemId,
      updated_at: options.now,
      version: tx.raw('version + 1'),
    });
}

/** Removes an incident's link to a problem; false when it was not linked to it. */
export async function unlinkIncidentFromProblem(
  tx: Knex.Transaction,
  options: { incidentId: string; problemId: string; now: number },
): Promise<boolean> {
  const count = await tx('itsm_incidents')
    .where({ id: options.incidentId, problem_id: options.problemId })
    .update({
      problem_id: null,
      updated_at: options.now,
      version: tx.raw('version + 1'),
    });
  return count === 1;
}

/**
 * Unlinks every incident of a problem and returns them. The incidents are
 * locked first, so none is linked or unlinked by another change meanwhile.
 */
export async function unlinkAllIncidentsFromProblem(
  tx: Knex.Transaction,
  options: { problemId: string; now: number },
): Promise<Pick<IncidentRow, 'id' | 'number'>[]> {
  const incidents: Pick<IncidentRow, 'id' | 'number'>[] = await tx<IncidentRow>(
    'itsm_incidents',
  )
    .where({ problem_id: options.problemId })
    .select('id', 'number')
    .orderBy('number')
    .forUpdate();
  if (incidents.length > 0) {
    await tx('itsm_incidents')
      .whereIn(
        'id',
        incidents.map(incident => incident.id),
      )
      .update({
        problem_id: null,
        updated_at: options.now,
        version: tx.raw('version + 1'),
      });
  }
  return incidents;
}
