import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

const CHUNK = 500;

/** The catalog entities of the given refs, read in chunks with the given fields. */
export async function entitiesByRefs(options: {
  catalog: CatalogService;
  refs: string[];
  fields: string[];
  credentials: BackstageCredentials;
}): Promise<Entity[]> {
  const { catalog, refs, fields, credentials } = options;
  const entities: Entity[] = [];
  for (let start = 0; start < refs.length; start += CHUNK) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs.slice(start, start + CHUNK), fields },
      { credentials },
    );
    entities.push(...items.filter((e): e is Entity => Boolean(e)));
  }
  return entities;
}
