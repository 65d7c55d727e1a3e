import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A catalog entity as a record refers to it. */
export interface ResolvedEntity {
  entityRef: string;
  ownerRef: string | null;
}

const validator = makeValidator();

/**
 * The part of a parsed ref the catalog would reject, if any. Checked before
 * any lookup: a name such as `..` would otherwise turn the catalog's
 * by-name URL into its entity list and pass an existence check.
 */
export function invalidEntityRefPart(
  parsed: CompoundEntityRef,
): string | undefined {
  if (!validator.isValidKind(parsed.kind)) {
    return 'kind (letters and digits, starting with a letter)';
  }
  // The catalog compares namespaces case-insensitively; refs are lower-cased.
  const namespace = parsed.namespace.toLocaleLowerCase('en-US');
  if (!validator.isValidNamespace(namespace)) {
    return 'namespace (lower-case letters, digits and single dashes)';
  }
  if (!validator.isValidEntityName(parsed.name)) {
    return "name (letters and digits, single '-', '_' or '.' between them)";
  }
  return undefined;
}

/** Normalises a ref (`kind:namespace/name`, lower case) or names the field in a 400. */
export function normaliseEntityRef(ref: string, field: string): string {
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(ref, { defaultNamespace: 'default' });
  } catch {
    throw new InputError(
      `${field}: '${ref}' is not an entity ref; use kind:namespace/name`,
    );
  }
  const invalid = invalidEntityRefPart(parsed);
  if (invalid) {
    throw new InputError(`${field}: '${ref}' has an invalid ${invalid}`);
  }
  return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
}

function ownerOf(entity: Entity): string | null {
  const relation = entity.relations?.find(r => r.type === 'ownedBy');
  return relation?.targetRef.toLocaleLowerCase('en-US') ?? null;
}

/** Looks up the entities records link to, on behalf of the caller. */
export class CatalogEntities {
  constructor(private readonly catalog: CatalogService) {}

  /** Resolves a ref that must exist in the catalog; a 400 names the field otherwise. */
  async resolve(options: {
    ref: string;
    field: string;
    credentials: BackstageCredentials;
    kinds?: string[];
  }): Promise<ResolvedEntity> {
    const { ref, field, credentials, kinds } = options;
    const entityRef = normaliseEntityRef(ref, field);
    const kind = entityRef.split(':')[0];
    if (kinds && !kinds.includes(kind)) {
      throw new InputError(
        `${field}: '${entityRef}' must be a ${kinds.join(' or ')} entity`,
      );
    }
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new InputError(
        `${field}: entity '${entityRef}' does not exist in the catalog`,
      );
    }
    return { entityRef, ownerRef: ownerOf(entity) };
  }

  /** Resolves an optional user or group ref such as an assignee. */
  async resolvePerson(options: {
    ref: string | null | undefined;
    field: string;
    credentials: BackstageCredentials;
  }): Promise<string | null | undefined> {
    if (options.ref === undefined || options.ref === null) {
      return options.ref;
    }
    const resolved = await this.resolve({
      ...options,
      ref: options.ref,
      kinds: ['user', 'group'],
    });
    return resolved.entityRef;
  }
}
