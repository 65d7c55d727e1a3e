import { Knex } from 'knex';
import { problemsOfScope } from './analysis/analysisScope';
import { QueryRestriction } from './incidents';

/**
 * Known errors in effect for some entities (null: everywhere): problems
 * published as known errors, rooted in one of the entities or hurting one,
 * and not closed. A resolved problem's workaround still serves wherever its
 * fix has not landed, and it may be reopened; closing retires it. The entity
 * summary and the analysis both count these.
 */
export function knownErrorsInEffect(
  db: Knex,
  options: { entityRefs: string[] | null; restrict?: QueryRestriction },
): Knex.QueryBuilder {
  return problemsOfScope(db, {
    entityRefs: options.entityRefs,
    restrictProblems: options.restrict,
  })
    .where('known_error', true)
    .whereNot('status', 'closed');
}
