import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { AnalysisScope } from '@backstage-itsm/plugin-itsm-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normaliseEntityRef } from '../../shared/catalogEntities';

const SCOPE_FIELDS = ['entityRef', 'ownerRef', 'systemRef'] as const;

/** Which entities an analysis covers, as the request named them: at most one ref. */
export type ScopeRequest = Partial<
  Record<(typeof SCOPE_FIELDS)[number], string>
>;

/**
 * Resolves a scope to its entities through the catalog, on behalf of the
 * caller: an owner covers the entities it owns, a system its parts.
 */
export async function resolveScope(options: {
  request: ScopeRequest;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<AnalysisScope> {
  const { request, catalog, credentials } = options;
  const given = SCOPE_FIELDS.filter(field => request[field] !== undefined);
  if (given.length > 1) {
    throw new InputError(
      `${given[1]}: give only one of entityRef, ownerRef and systemRef`,
    );
  }
  const field = given[0];
  if (!field) {
    return { kind: 'organization', ref: null, entityRefs: null };
  }
  const ref = normaliseEntityRef(request[field]!, field);
  if (field === 'entityRef') {
    return { kind: 'entity', ref, entityRefs: [ref] };
  }
  const kind = ref.split(':')[0];
  const expected = field === 'ownerRef' ? ['group', 'user'] : ['system'];
  if (!expected.includes(kind)) {
    throw new InputError(
      `${field}: '${ref}' must be a ${expected.join(' or ')} entity`,
    );
  }
  const relation = field === 'ownerRef' ? 'ownedBy' : 'partOf';
  const { items } = await catalog.getEntities(
    {
      filter: { [`relations.${relation}`]: ref },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  );
  const entityRefs = [
    ...new Set(
      items.map(entity =>
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      ),
    ),
  ].sort();
  return {
    kind: field === 'ownerRef' ? 'owner' : 'system',
    ref,
    entityRefs,
  };
}
