import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entitiesByRefs } from './entitiesByRefs';

const FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'relations'];

/**
 * Which way to walk `dependsOn`: towards what the start entity depends on
 * (its upstream), or towards the entities that depend on it (its dependents).
 */
export type DependencyDirection = 'dependencies' | 'dependents';

const RELATION: Record<DependencyDirection, string> = {
  dependencies: 'dependsOn',
  dependents: 'dependencyOf',
};

/** An entity reached from the start entity, by one of its shortest paths. */
export interface ReachedEntity {
  entityRef: string;
  ownerRef: string | null;
  /** From the start entity to this one, both included. */
  path: string[];
}

function lower(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

function related(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => lower(relation.targetRef));
}

/**
 * Walks the catalog's `dependsOn` graph breadth first from one entity, up to
 * `maxDepth` edges and `maxEntities` entities, one catalog read a level.
 * Each entity comes once, with a shortest path; the start entity is left out.
 */
export async function walkDependencyGraph(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  from: string;
  direction: DependencyDirection;
  maxDepth: number;
  maxEntities?: number;
}): Promise<ReachedEntity[]> {
  const { catalog, credentials, direction, maxDepth } = options;
  const maxEntities = options.maxEntities ?? 10_000;
  const start = lower(options.from);
  const paths = new Map<string, string[]>([[start, [start]]]);
  const reached: ReachedEntity[] = [];
  let level = [start];
  for (let depth = 0; level.length > 0 && depth <= maxDepth; depth++) {
    const entities = await entitiesByRefs({
      catalog,
      refs: level,
      fields: FIELDS,
      credentials,
    });
    const next: string[] = [];
    for (const entity of entities) {
      const ref = lower(stringifyEntityRef(entity));
      const path = paths.get(ref);
      if (!path) {
        continue;
      }
      if (depth > 0) {
        reached.push({
          entityRef: ref,
          ownerRef: related(entity, 'ownedBy')[0] ?? null,
          path,
        });
      }
      if (depth === maxDepth) {
        continue;
      }
      for (const target of related(entity, RELATION[direction])) {
        if (!paths.has(target) && paths.size <= maxEntities) {
          paths.set(target, [...path, target]);
          next.push(target);
        }
      }
    }
    level = next;
  }
  return reached.sort(
    (a, b) =>
      a.path.length - b.path.length || a.entityRef.localeCompare(b.entityRef),
  );
}
