import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entitiesByRefs } from '../../shared/entitiesByRefs';

/** How a proposal names an entity: its catalog title, else its name. */
export type EntityTitles = (entityRef: string) => string;

function nameOf(entityRef: string): string {
  try {
    return parseEntityRef(entityRef).name;
  } catch {
    return entityRef;
  }
}

/**
 * Looks up the titles of the entities proposals will name, in one pass; an
 * entity without a title, or missing from the catalog, goes by its name.
 */
export async function entityTitles(options: {
  catalog: CatalogService;
  refs: string[];
  credentials: BackstageCredentials;
}): Promise<EntityTitles> {
  const refs = [...new Set(options.refs)];
  const titles = new Map<string, string>();
  if (refs.length > 0) {
    const entities = await entitiesByRefs({
      ...options,
      refs,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    for (const entity of entities) {
      const title = entity.metadata.title?.trim();
      if (title) {
        titles.set(
          stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
          title,
        );
      }
    }
  }
  return entityRef =>
    titles.get(entityRef.toLocaleLowerCase('en-US')) ?? nameOf(entityRef);
}
