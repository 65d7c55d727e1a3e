import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entitiesByRefs } from '../../shared/entitiesByRefs';
import { DependencyTarget } from './sharedDependencyRule';

const FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'relations'];

function lower(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * The entities that the given ones depend on (`dependsOn` relations), each
 * with its dependents among them and its owner; those with fewer than
 * `minDependents` are left out.
 */
export async function dependencyTargets(options: {
  catalog: CatalogService;
  entityRefs: string[];
  minDependents: number;
  credentials: BackstageCredentials;
}): Promise<DependencyTarget[]> {
  const { catalog, credentials, minDependents } = options;
  const dependents = new Map<string, Set<string>>();
  for (const entity of await entitiesByRefs({
    catalog,
    refs: options.entityRefs,
    fields: FIELDS,
    credentials,
  })) {
    const ref = lower(stringifyEntityRef(entity));
    for (const relation of entity.relations ?? []) {
      if (relation.type === 'dependsOn') {
        const target = lower(relation.targetRef);
        dependents.set(target, (dependents.get(target) ?? new Set()).add(ref));
      }
    }
  }
  const shared = [...dependents.entries()]
    .filter(([, set]) => set.size >= minDependents)
    .sort(([a], [b]) => a.localeCompare(b));
  const owners = new Map<string, string | null>();
  for (const entity of await entitiesByRefs({
    catalog,
    refs: shared.map(([target]) => target),
    fields: FIELDS,
    credentials,
  })) {
    const owner = entity.relations?.find(r => r.type === 'ownedBy');
    owners.set(
      lower(stringifyEntityRef(entity)),
      owner ? lower(owner.targetRef) : null,
    );
  }
  return shared.map(([entityRef, set]) => ({
    entityRef,
    ownerRef: owners.get(entityRef) ?? null,
    dependents: set,
  }));
}
