import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A system and the parts (components, resources) whose `partOf` names it. */
export interface CatalogSystem {
  entityRef: string;
  title: string;
  parts: { entityRef: string; title: string }[];
}

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'relations',
];

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function titleOf(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

const byTitle = (a: { title: string }, b: { title: string }) =>
  a.title.localeCompare(b.title);

/**
 * The catalog's systems with their parts, in one catalog read on behalf of
 * the caller, each list sorted by title.
 */
export async function readCatalogSystems(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<CatalogSystem[]> {
  const { items } = await options.catalog.getEntities(
    {
      filter: { kind: ['system', 'component', 'resource'] },
      fields: FIELDS,
    },
    { credentials: options.credentials },
  );
  const systems = new Map<string, CatalogSystem>();
  for (const entity of items) {
    if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
      systems.set(refOf(entity), {
        entityRef: refOf(entity),
        title: titleOf(entity),
        parts: [],
      });
    }
  }
  for (const entity of items) {
    for (const relation of entity.relations ?? []) {
      const system = systems.get(relation.targetRef.toLocaleLowerCase('en-US'));
      if (relation.type === 'partOf' && system) {
        system.parts.push({ entityRef: refOf(entity), title: titleOf(entity) });
      }
    }
  }
  const sorted = [...systems.values()].sort(byTitle);
  for (const system of sorted) {
    system.parts.sort(byTitle);
  }
  return sorted;
}
