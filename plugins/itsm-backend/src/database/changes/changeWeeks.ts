import { Knex } from 'knex';
import { weekIndexOf } from '../analysis/weekBuckets';

/** Adds to an entity's weekly deploy counts; a missing week starts at zero. */
export async function addToChangeWeek(
  tx: Knex.Transaction,
  options: {
    entityRef: string;
    occurredAt: number;
    deploys: number;
    failedDeploys: number;
  },
): Promise<void> {
  const { entityRef, deploys, failedDeploys } = options;
  await tx('itsm_change_weeks')
    .insert({
      entity_ref: entityRef,
      week: weekIndexOf(options.occurredAt),
      deploys,
      failed_deploys: failedDeploys,
    })
    .onConflict(['entity_ref', 'week'])
    .merge({
      deploys: tx.raw('itsm_change_weeks.deploys + ?', [deploys]),
      failed_deploys: tx.raw('itsm_change_weeks.failed_deploys + ?', [
        failedDeploys,
      ]),
    });
}

/** A week of deploy counts, summed over a scope's entities. */
export interface DeployWeek {
  week: number;
  deploys: number;
  failedDeploys: number;
}

/** Refs per `IN` list of a scope. */
const CHUNK = 500;

/**
 * Deploys and failed deploys per week index in `[fromWeek, toWeek]`, over
 * the given entities or, with null, every entity.
 */
export async function deployWeeks(
  db: Knex,
  options: { entityRefs: string[] | null; fromWeek: number; toWeek: number },
): Promise<DeployWeek[]> {
  const { entityRefs, fromWeek, toWeek } = options;
  const read = async (refs: string[] | null) => {
    const query = db('itsm_change_weeks')
      .where('week', '>=', fromWeek)
      .where('week', '<=', toWeek)
      .groupBy('week')
      .select(
        'week',
        db.raw('SUM(deploys) AS deploys'),
        db.raw('SUM(failed_deploys) AS failed'),
      );
    if (refs) {
      query.whereIn('entity_ref', refs);
    }
    const rows: { week: string; deploys: string; failed: string }[] =
      await query;
    return rows;
  };
  const chunks: (string[] | null)[] = [];
  if (entityRefs === null) {
    chunks.push(null);
  } else {
    for (let at = 0; at < entityRefs.length; at += CHUNK) {
      chunks.push(entityRefs.slice(at, at + CHUNK));
    }
  }
  const weeks = new Map<number, DeployWeek>();
  for (const chunk of chunks) {
    for (const row of await read(chunk)) {
      const week = Number(row.week);
      const sum = weeks.get(week) ?? { week, deploys: 0, failedDeploys: 0 };
      sum.deploys += Number(row.deploys);
      sum.failedDeploys += Number(row.failed);
      weeks.set(week, sum);
    }
  }
  return [...weeks.values()].sort((a, b) => a.week - b.week);
}
