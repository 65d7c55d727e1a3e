import { Problem } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { QueryRestriction } from './incidents';
import { knownErrorsInEffect } from './knownErrorsInEffect';
import { problemsFromRows } from './problems';
import { ProblemRow } from './tables';

/**
 * The known errors in effect rooted in or hurting any of the entities, most
 * recently published first, at most `limit`.
 */
export async function knownErrorsOfEntities(
  db: Knex,
  options: {
    entityRefs: string[];
    restrict?: QueryRestriction;
    limit: number;
  },
): Promise<Problem[]> {
  const rows: ProblemRow[] = await knownErrorsInEffect(db, {
    entityRefs: options.entityRefs,
    restrict: options.restrict,
  })
    .select('*')
    .orderBy('known_error_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  return problemsFromRows(db, rows);
}
