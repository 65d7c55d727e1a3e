import {
  ComponentState,
  Priority,
  STATUS_RESOLVED_WINDOW_DAYS,
  StatusIncident,
  StatusPage,
  StatusResolvedIncident,
  worseState,
} from '@backstage-itsm/plugin-itsm-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import {
  OpenStatusIncident,
  listOpenStatusIncidents,
  listPublicUpdatesOfOpenIncidents,
  listResolvedIncidentsSince,
  worstOpenPriorityByEntity,
} from '../../database/status/statusIncidents';
import { Caller } from '../../shared/caller';
import { StatusStates } from './statusConfig';
import { readCatalogSystems } from './statusSystems';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_OPEN_INCIDENTS = 1000;
const MAX_UPDATES = 20;
const MAX_RESOLVED = 100;

/**
 * The status page: every system and its parts with a state from their open
 * incidents, public updates of open incidents, and recent resolutions. Any
 * signed-in user may read it; it carries no internal notes.
 */
export class StatusService {
  constructor(
    private readonly deps: {
      db: Knex;
      catalog: CatalogService;
      states: StatusStates;
      now?: () => number;
    },
  ) {}

  async read(caller: Caller): Promise<StatusPage> {
    const { db, catalog } = this.deps;
    const now = this.deps.now?.() ?? Date.now();
    const [systems, worst, open, updates, resolved] = await Promise.all([
      readCatalogSystems({ catalog, credentials: caller.credentials }),
      worstOpenPriorityByEntity(db),
      listOpenStatusIncidents(db, { limit: MAX_OPEN_INCIDENTS }),
      listPublicUpdatesOfOpenIncidents(db, { limit: MAX_UPDATES }),
      listResolvedIncidentsSince(db, {
        since: now - STATUS_RESOLVED_WINDOW_DAYS * DAY_MS,
        limit: MAX_RESOLVED,
      }),
    ]);
    const openByEntity = groupByEntity(open);
    const stateOf = (entityRef: string): ComponentState => {
      const priority = worst.get(entityRef);
      return priority === undefined
        ? 'operational'
        : this.deps.states[priority as Priority];
    };
    return {
      systems: systems.map(system => {
        const components = system.parts.map(part => ({
          ...part,
          state: stateOf(part.entityRef),
          openIncidents: openByEntity.get(part.entityRef) ?? [],
        }));
        return {
          entityRef: system.entityRef,
          title: system.title,
          state: components.reduce<ComponentState>(
            (state, component) => worseState(state, component.state),
            stateOf(system.entityRef),
          ),
          components,
        };
      }),
      updates,
      resolved: resolved as StatusResolvedIncident[],
      generatedAt: new Date(now).toISOString(),
    };
  }
}

/** Open incidents by each entity they are on or affect. */
function groupByEntity(
  incidents: OpenStatusIncident[],
): Map<string, StatusIncident[]> {
  const grouped = new Map<string, StatusIncident[]>();
  for (const { entityRef, alsoAffects, ...incident } of incidents) {
    for (const ref of [entityRef, ...alsoAffects]) {
      const list = grouped.get(ref) ?? [];
      list.push(incident as StatusIncident);
      grouped.set(ref, list);
    }
  }
  return grouped;
}
