import {
  ChangeList,
  IncidentChanges,
  ProblemChangeSuspect,
  ProblemChanges,
  formatIncidentNumber,
  itsmChangeReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { ChangeRow, toChangeEvent } from '../../database/changes/changeRows';
import { changesOnEntities } from '../../database/changes/changesOnEntities';
import { changesBeforeIncidents } from '../../database/changes/changeCorrelation';
import {
  ChangeListFilter,
  listChanges,
} from '../../database/changes/listChanges';
import {
  changesByIds,
  problemIncidents,
} from '../../database/changes/problemIncidents';
import { Cursor } from '../../database/cursor';
import { fromIso } from '../../database/time';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { entityAndDependencies } from '../../shared/entityAndDependencies';
import { incidentRecords, problemRecords } from '../../shared/recordKinds';
import { ChangeConfig } from './changeConfig';

/** The most changes an incident lists: a day of a busy dependency tree. */
const MAX_INCIDENT_CHANGES = 200;

/** Change events for a caller: the list, those before an incident, those behind a problem. */
export class ChangeReadService {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      catalog: CatalogService;
      config: ChangeConfig;
      dependencyDepth: number;
    },
  ) {}

  /** Changes newest first, one keyset page at a time. */
  async list(options: {
    filter: ChangeListFilter;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }): Promise<ChangeList> {
    await this.requireRead(options.caller);
    return listChanges(this.deps.db, options);
  }

  /**
   * The changes on an incident's entity and on what it depends on, in the
   * window before its detection, newest first, each with its path through
   * the dependency graph.
   */
  async ofIncident(
    idOrNumber: string,
    caller: Caller,
  ): Promise<IncidentChanges> {
    const incident = await incidentRecords(this.deps).get(idOrNumber, caller);
    await this.requireRead(caller);
    const { incidentWindowMs: windowMs } = this.deps.config;
    const reach = await entityAndDependencies({
      catalog: this.deps.catalog,
      credentials: caller.credentials,
      entityRef: incident.entityRef,
      maxDepth: this.deps.dependencyDepth,
    });
    const detectedAt = fromIso(incident.detectedAt);
    const rows = await changesOnEntities(this.deps.db, {
      entityRefs: [...reach.keys()],
      from: detectedAt - windowMs,
      to: detectedAt,
      limit: MAX_INCIDENT_CHANGES,
    });
    return {
      windowMs,
      dependencyDepth: this.deps.dependencyDepth,
      items: rows.map(row => {
        const { via, path } = reach.get(row.entity_ref!)!;
        return {
          change: toChangeEvent(row),
          via,
          path,
          beforeDetectionMs: detectedAt - Number(row.occurred_at),
        };
      }),
    };
  }

  /**
   * For a problem's linked incidents, which changes preceded them within the
   * follow window and how often, by changed entity and kind.
   */
  async ofProblem(idOrNumber: string, caller: Caller): Promise<ProblemChanges> {
    const problem = await problemRecords(this.deps).get(idOrNumber, caller);
    await this.requireRead(caller);
    const windowMs = this.deps.config.followWindowMs;
    const incidents = await problemIncidents(this.deps.db, problem.id);
    const numbers = new Map(incidents.map(i => [i.id, i.number]));
    const links = (
      await changesBeforeIncidents(
        this.deps.db,
        incidents.map(i => i.id),
      )
    ).filter(link => Number(link.gap_ms) <= windowMs);
    const changes = new Map<string, ChangeRow>(
      (
        await changesByIds(this.deps.db, [
          ...new Set(links.map(link => link.change_id)),
        ])
      ).map((row: ChangeRow) => [row.id, row]),
    );
    const suspects = new Map<
      string,
      ProblemChangeSuspect & { seen: Set<string> }
    >();
    for (const link of links) {
      const change = changes.get(link.change_id);
      if (!change) {
        continue;
      }
      const key = `${link.change_entity_ref}\n${link.change_kind}`;
      const suspect = suspects.get(key) ?? {
        entityRef: link.change_entity_ref,
        kind: link.change_kind,
        followedIncidents: 0,
        totalIncidents: incidents.length,
        changes: [],
        seen: new Set<string>(),
      };
      suspects.set(key, suspect);
      // Links come newest change first: the first per incident is the latest.
      if (!suspect.seen.has(link.incident_id)) {
        suspect.seen.add(link.incident_id);
        suspect.followedIncidents += 1;
        suspect.changes.push({
          change: toChangeEvent(change),
          incidentNumber: formatIncidentNumber(numbers.get(link.incident_id)!),
          path: JSON.parse(link.path),
        });
      }
    }
    return {
      windowMs,
      totalIncidents: incidents.length,
      suspects: [...suspects.values()]
        .map(({ seen: _seen, ...suspect }) => suspect)
        .sort(
          (a, b) =>
            b.followedIncidents - a.followedIncidents ||
            a.entityRef.localeCompare(b.entityRef) ||
            a.kind.localeCompare(b.kind),
        ),
    };
  }

  private async requireRead(caller: Caller) {
    await this.deps.authorizer.require(
      itsmChangeReadPermission,
      caller.credentials,
    );
  }
}
