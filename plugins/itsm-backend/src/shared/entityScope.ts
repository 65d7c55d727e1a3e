import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { AnalysisScope } from '@backstage-itsm/plugin-itsm-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normaliseEntityRef } from './catalogEntities';

/**
 * The entities a system or an owner covers, the one definition the
 * Reliability tab (analysis) and the Incidents and Problems lists share: a
 * system covers itself and every entity `partOf` it (components, resources,
 * APIs); an owner covers every entity `ownedBy` it.
 */
export async function entitiesOfScope(options: {
  kind: 'system' | 'owner';
  /** The ref as the request gave it; checked against the catalog. */
  ref: string;
  /** The request field, named in a 400 or 404. */
  field: string;
  /** Kinds an owner may be. */
  ownerKinds?: string[];
  /** Whether a ref missing from the catalog is a 404 rather than no entities. */
  mustExist: boolean;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<{ ref: string; entityRefs: string[] }> {
  const { kind, field, catalog, credentials } = options;
  const ref = normaliseEntityRef(options.ref, field);
  const expected =
    kind === 'system' ? ['system'] : options.ownerKinds ?? ['group', 'user'];
  if (!expected.includes(ref.split(':')[0])) {
    throw new InputError(
      `${field}: '${ref}' must be a ${expected.join(' or ')} entity`,
    );
  }
  if (
    options.mustExist &&
    !(await catalog.getEntityByRef(ref, { credentials }))
  ) {
    throw new NotFoundError(
      `${field}: entity '${ref}' does not exist in the catalog`,
    );
  }
  const relation = kind === 'system' ? 'partOf' : 'ownedBy';
  const { items } = await catalog.getEntities(
    {
      filter: { [`relations.${relation}`]: ref },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  );
  const parts = items.map(entity =>
    stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
  );
  const entityRefs = new Set(kind === 'system' ? [ref, ...parts] : parts);
  return { ref, entityRefs: [...entityRefs].sort() };
}

const SCOPE_FIELDS = ['entityRef', 'ownerRef', 'systemRef'] as const;

/** Which entities an analysis covers, as the request named them: at most one ref. */
export type ScopeRequest = Partial<
  Record<(typeof SCOPE_FIELDS)[number], string>
>;

/**
 * Resolves an analysis scope to its entities through the catalog, on behalf
 * of the caller; see {@link entitiesOfScope}.
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
  if (field === 'entityRef') {
    const ref = normaliseEntityRef(request[field]!, field);
    return { kind: 'entity', ref, entityRefs: [ref] };
  }
  const kind = field === 'ownerRef' ? 'owner' : 'system';
  const scope = await entitiesOfScope({
    kind,
    ref: request[field]!,
    field,
    // An owner may be named by relations without an entity of its own.
    mustExist: false,
    catalog,
    credentials,
  });
  return { kind, ...scope };
}
