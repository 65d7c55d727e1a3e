import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ResolvedEntity,
  invalidEntityRefPart,
} from '../../shared/catalogEntities';
import { ALERT_SELECTOR_ANNOTATION, AlertConfig } from './alertConfig';
import { isPermanentCatalogFailure } from './catalogFailure';

/** Enough for every entity a large catalog routes alerts to. */
const MAX_CACHED_REFS = 10_000;

/** One entity's selector: every pair must equal the alert's label. */
interface Selector {
  entity: ResolvedEntity;
  pairs: [string, string][];
}

function resolvedOf(entity: Entity): ResolvedEntity {
  const owner = entity.relations?.find(r => r.type === 'ownedBy');
  return {
    entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    ownerRef: owner?.targetRef.toLocaleLowerCase('en-US') ?? null,
  };
}

/** Parses `service=checkout-api, env=prod`; pairs without `=` are ignored. */
export function parseSelector(value: string): [string, string][] {
  return value
    .split(',')
    .map(part => part.trim())
    .filter(part => part.includes('='))
    .map(part => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as [
        string,
        string,
      ];
    })
    .filter(([key, wanted]) => key !== '' && wanted !== '');
}

/**
 * Finds the catalog entity an alert is about, by the configured rules:
 * first the entity labels in order (a full ref, or a name of the default
 * kind), then the entities whose `itsm.backstage.io/alert-selector` matches
 * the alert's labels, the most specific selector winning. The catalog is read
 * with the plugin's own credentials (alert senders may call only this plugin)
 * and its answers are reused for `routing.cacheSeconds`.
 */
export class AlertEntityResolver {
  /** Refs in least recently used order: labels are sender-chosen, so bounded. */
  private readonly refs = new Map<
    string,
    { value: ResolvedEntity | null; expires: number }
  >();
  private selectors?: { value: Promise<Selector[]>; expires: number };

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      config: AlertConfig;
      logger?: LoggerService;
      now?: () => number;
      /** How many refs' answers are kept; the least recently used go first. */
      maxCachedRefs?: number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** The entity of an alert, or undefined when no rule matches. */
  async resolve(
    labels: Record<string, string>,
  ): Promise<ResolvedEntity | undefined> {
    for (const label of this.deps.config.routing.entityLabels) {
      const value = labels[label]?.trim();
      const ref = value ? this.refOf(value) : undefined;
      const entity = ref && (await this.guarded(() => this.lookUp(ref)));
      if (entity) {
        return entity;
      }
    }
    if (this.deps.config.routing.selectorAnnotation) {
      return this.guarded(() => this.matchSelectors(labels));
    }
    return undefined;
  }

  /**
   * Runs one catalog read. A read that can never succeed counts as no match,
   * so the alert reaches the unrouted inbox instead of being retried forever;
   * a transient one is a 503, which Alertmanager retries, so the alert does
   * not land in the inbox just because the catalog was briefly unreachable.
   */
  private async guarded<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      const permanent = isPermanentCatalogFailure(error);
      this.deps.logger?.warn(
        `Alert routing could not read the catalog${
          permanent ? '; routing the alert as unmatched' : ''
        }`,
        error as Error,
      );
      if (permanent) {
        return undefined;
      }
      throw new ServiceUnavailableError(
        'The catalog could not be read to route the alert; try again later',
      );
    }
  }

  /** The ref a label names, if the catalog could hold such an entity. */
  private refOf(value: string): string | undefined {
    try {
      const parsed = parseEntityRef(value, {
        defaultKind: this.deps.config.routing.defaultKind,
        defaultNamespace: 'default',
      });
      return invalidEntityRefPart(parsed)
        ? undefined
        : stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
    } catch {
      return undefined;
    }
  }

  private async lookUp(ref: string): Promise<ResolvedEntity | null> {
    const cached = this.refs.get(ref);
    this.refs.delete(ref);
    if (cached && cached.expires > this.now()) {
      this.refs.set(ref, cached);
      return cached.value;
    }
    const entity = await this.deps.catalog.getEntityByRef(ref, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    const value = entity ? resolvedOf(entity) : null;
    this.refs.delete(ref);
    this.refs.set(ref, {
      value,
      expires: this.now() + this.deps.config.routing.cacheMillis,
    });
    const max = this.deps.maxCachedRefs ?? MAX_CACHED_REFS;
    for (const oldest of this.refs.keys()) {
      if (this.refs.size <= max) {
        break;
      }
      this.refs.delete(oldest);
    }
    return value;
  }

  private async matchSelectors(
    labels: Record<string, string>,
  ): Promise<ResolvedEntity | undefined> {
    const selectors = await this.loadSelectors();
    const matching = selectors.filter(selector =>
      selector.pairs.every(([key, value]) => labels[key] === value),
    );
    matching.sort(
      (a, b) =>
        b.pairs.length - a.pairs.length ||
        a.entity.entityRef.localeCompare(b.entity.entityRef),
    );
    return matching[0]?.entity;
  }

  private loadSelectors(): Promise<Selector[]> {
    if (this.selectors && this.selectors.expires > this.now()) {
      return this.selectors.value;
    }
    const value = this.fetchSelectors();
    this.selectors = {
      value,
      expires: this.now() + this.deps.config.routing.cacheMillis,
    };
    // A failed read is not cached; the next alert tries again.
    value.catch(() => {
      this.selectors = undefined;
    });
    return value;
  }

  private async fetchSelectors(): Promise<Selector[]> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ALERT_SELECTOR_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'relations',
        ],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return items
      .map(entity => ({
        entity: resolvedOf(entity),
        pairs: parseSelector(
          entity.metadata.annotations?.[ALERT_SELECTOR_ANNOTATION] ?? '',
        ),
      }))
      .filter(selector => selector.pairs.length > 0);
  }
}
