import { CatalogApi } from '@backstage/plugin-catalog-react';

type Lookup = (entityRef: string) => Promise<boolean>;

const lookups = new WeakMap<CatalogApi, Lookup>();

/**
 * Whether the catalog holds the entity of a full entity ref. Refs asked for
 * in the same tick go out as one request, and answers are kept for the
 * session, so a list of a hundred rows costs one catalog call.
 */
export function catalogHasEntity(
  catalogApi: CatalogApi,
  entityRef: string,
): Promise<boolean> {
  let lookup = lookups.get(catalogApi);
  if (!lookup) {
    lookup = createLookup(catalogApi);
    lookups.set(catalogApi, lookup);
  }
  return lookup(entityRef);
}

function createLookup(catalogApi: CatalogApi): Lookup {
  const answers = new Map<string, Promise<boolean>>();
  let batch: Map<string, (exists: boolean) => void> | undefined;

  async function ask(pending: Map<string, (exists: boolean) => void>) {
    const entityRefs = [...pending.keys()];
    try {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      });
      entityRefs.forEach((ref, i) => pending.get(ref)?.(!!items[i]));
    } catch {
      // Unknown is shown like absent, and asked again next time.
      for (const ref of entityRefs) {
        answers.delete(ref);
        pending.get(ref)?.(false);
      }
    }
  }

  return entityRef => {
    const known = answers.get(entityRef);
    if (known) {
      return known;
    }
    const answer = new Promise<boolean>(resolve => {
      if (!batch) {
        const current = new Map<string, (exists: boolean) => void>();
        batch = current;
        setTimeout(() => {
          batch = undefined;
          ask(current);
        }, 0);
      }
      batch.set(entityRef, resolve);
    });
    answers.set(entityRef, answer);
    return answer;
  };
}
