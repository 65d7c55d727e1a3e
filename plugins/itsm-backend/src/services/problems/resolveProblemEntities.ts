import { Caller } from '../../shared/caller';
import { CatalogEntities, ResolvedEntity } from '../../shared/catalogEntities';

/**
 * Resolves the root-cause entity and the explicitly affected entities a
 * request names; undefined where it names none, null where it clears one.
 */
export async function resolveProblemEntities(options: {
  entities: CatalogEntities;
  input: { entityRef?: string | null; affectedEntityRefs?: string[] };
  caller: Caller;
}): Promise<{
  root: ResolvedEntity | null | undefined;
  affected: string[] | undefined;
}> {
  const { entities, input, caller } = options;
  const root =
    input.entityRef === undefined || input.entityRef === null
      ? input.entityRef
      : await entities.resolve({
          ref: input.entityRef,
          field: 'entityRef',
          credentials: caller.credentials,
        });
  const affected =
    input.affectedEntityRefs &&
    (await Promise.all(
      input.affectedEntityRefs.map(async (ref, index) => {
        const resolved = await entities.resolve({
          ref,
          field: `affectedEntityRefs.${index}`,
          credentials: caller.credentials,
        });
        return resolved.entityRef;
      }),
    ));
  return { root, affected: affected && [...new Set(affected)] };
}
