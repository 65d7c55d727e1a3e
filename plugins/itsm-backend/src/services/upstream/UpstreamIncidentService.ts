import {
  UpstreamIncidents,
  itsmIncidentReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { listOpenIncidentsOnEntities } from '../../database/upstreamIncidents';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { walkDependencyGraph } from '../../shared/dependencyGraph';

const UPSTREAM_PRIORITIES = [1, 2];
const MAX_ITEMS = 50;

/**
 * Open P1 and P2 incidents on what an entity depends on, through the
 * catalog's `dependsOn` graph, among the incidents the caller may read.
 */
export class UpstreamIncidentService {
  constructor(
    private readonly deps: {
      db: Knex;
      catalog: CatalogService;
      authorizer: Authorizer;
      dependencyDepth: number;
    },
  ) {}

  /** `entityRef` is normalised; an entity the catalog does not hold is a 404. */
  async list(entityRef: string, caller: Caller): Promise<UpstreamIncidents> {
    const { db, catalog, authorizer } = this.deps;
    const { credentials } = caller;
    const restrict = await authorizer.restrictionFor(
      itsmIncidentReadPermission,
      credentials,
    );
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `entityRef: entity '${entityRef}' does not exist in the catalog`,
      );
    }
    const reached = await walkDependencyGraph({
      catalog,
      credentials,
      from: entityRef,
      direction: 'dependencies',
      maxDepth: this.deps.dependencyDepth,
    });
    const paths = new Map(reached.map(r => [r.entityRef, r.path]));
    const incidents = await listOpenIncidentsOnEntities(db, {
      entityRefs: [...paths.keys()],
      priorities: UPSTREAM_PRIORITIES,
      restrict,
      limit: MAX_ITEMS,
    });
    const items = incidents.map(incident => ({
      incident: {
        id: incident.id,
        number: incident.number,
        title: incident.title,
        priority: incident.priority,
        status: incident.status,
        entityRef: incident.entityRef,
      },
      path: paths.get(incident.entityRef) ?? [entityRef, incident.entityRef],
    }));
    items.sort(
      (a, b) =>
        a.incident.priority - b.incident.priority ||
        a.path.length - b.path.length ||
        b.incident.number.localeCompare(a.incident.number),
    );
    return { items };
  }
}
