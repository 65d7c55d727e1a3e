import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DependencyTarget } from './sharedDependencyRule';

const CHUNK = 500;

function lower(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

async function entitiesByRefs(options: {
  catalog: CatalogService;
  refs: string[];
  credentials: BackstageCredentials;
}): Promise<Entity[]> {
  const { catalog, refs, credentials } = options;
  const entities: Entity[] = [];
  for (let start = 0; start < refs.length; start += CHUNK) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: refs.slice(start, start + CHUNK),
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      },
      { credentials },
    );
    entities.push(...items.filter((e): e is Entity => Boolean(e)));
  }
  return entities;
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
