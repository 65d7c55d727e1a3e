import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { TriageVia } from '@backstage-itsm/plugin-itsm-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { walkDependencyGraph } from './dependencyGraph';

/** How an entity was reached from the entity a triage lookup is about. */
export interface Reach {
  via: TriageVia;
  /** From the entity asked about to this one, both included. */
  path: string[];
}

/**
 * The entity itself and everything it depends on through `dependsOn`, up to
 * `maxDepth` edges, each with its shortest path: where an incident's cause
 * may lie.
 */
export async function entityAndDependencies(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  entityRef: string;
  maxDepth: number;
}): Promise<Map<string, Reach>> {
  const { entityRef } = options;
  const reached = await walkDependencyGraph({
    catalog: options.catalog,
    credentials: options.credentials,
    from: entityRef,
    direction: 'dependencies',
    maxDepth: options.maxDepth,
  });
  const reach = new Map<string, Reach>([
    [entityRef, { via: 'entity', path: [entityRef] }],
  ]);
  for (const entity of reached) {
    reach.set(entity.entityRef, { via: 'dependency', path: entity.path });
  }
  return reach;
}

/** The nearest of the given entities, by the length of its path; undefined when none was reached. */
export function nearestReach(
  reach: Map<string, Reach>,
  entityRefs: readonly (string | null)[],
): Reach | undefined {
  let nearest: Reach | undefined;
  for (const ref of entityRefs) {
    const found = ref ? reach.get(ref) : undefined;
    if (found && (!nearest || found.path.length < nearest.path.length)) {
      nearest = found;
    }
  }
  return nearest;
}
