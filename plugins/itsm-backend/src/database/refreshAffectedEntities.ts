import { Knex } from 'knex';
import { ProblemEntityRow } from './tables';

/**
 * Rebuilds the entities a problem hurts from its linked incidents, keeping
 * the explicit additions, so counts never drift from the links.
 */
export async function refreshAffectedEntities(
  tx: Knex.Transaction,
  options: {
    problemId: string;
    /** The explicit additions; when left out, the stored ones stay. */
    explicitEntityRefs?: string[];
  },
): Promise<void> {
  const { problemId, explicitEntityRefs } = options;
  const existing: ProblemEntityRow[] = await tx('itsm_problem_entities').where({
    problem_id: problemId,
  });
  const explicit = new Set(
    explicitEntityRefs ??
      existing.filter(row => Boolean(row.explicit)).map(row => row.entity_ref),
  );
  const counts: { entity_ref: string; count: number | string }[] = await tx(
    'itsm_incidents',
  )
    .where({ problem_id: problemId })
    .groupBy('entity_ref')
    .select('entity_ref', tx.raw('COUNT(*) as count'));
  const rows = new Map<string, ProblemEntityRow>();
  for (const ref of explicit) {
    rows.set(ref, {
      problem_id: problemId,
      entity_ref: ref,
      explicit: true,
      incident_count: 0,
    });
  }
  for (const { entity_ref, count } of counts) {
    rows.set(entity_ref, {
      problem_id: problemId,
      entity_ref,
      explicit: explicit.has(entity_ref),
      incident_count: Number(count),
    });
  }
  await tx('itsm_problem_entities').where({ problem_id: problemId }).delete();
  if (rows.size > 0) {
    await tx('itsm_problem_entities').insert([...rows.values()]);
  }
}
