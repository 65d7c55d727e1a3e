import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { ChangeIncidentRow } from '../../database/changes/changeRows';
import { changesOnEntities } from '../../database/changes/changesOnEntities';
import {
  incidentsToCorrelate,
  recordCorrelation,
} from '../../database/changes/changeCorrelation';
import {
  Reach,
  entityAndDependencies,
} from '../../shared/entityAndDependencies';
import { ChangeConfig } from './changeConfig';

/** Incidents correlated per run; the next run takes the rest. */
const BATCH = 500;
/** Changes kept per incident: the window's newest. */
const MAX_CHANGES = 1000;

/**
 * Records, once per incident, the changes on its entity and on what it
 * depends on in the window before its detection: the rows DORA's change
 * failure rate, the problem view and the detection rule read. An incident
 * is correlated a little after it opens, so a deploy's late event counts.
 */
export class ChangeCorrelator {
  constructor(
    private readonly deps: {
      db: Knex;
      catalog: CatalogService;
      auth: AuthService;
      config: ChangeConfig;
      dependencyDepth: number;
      /** How long after an incident opens it is correlated. */
      graceMs?: number;
      now?: () => number;
    },
  ) {}

  /** One pass; returns how many incidents were correlated. */
  async run(): Promise<number> {
    const { db, config } = this.deps;
    const now = this.deps.now?.() ?? Date.now();
    const incidents = await incidentsToCorrelate(db, {
      // As far back as changes are kept: older incidents have none to find.
      since: now - config.retentionMs,
      before: now - (this.deps.graceMs ?? 60_000),
      limit: BATCH,
    });
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const reaches = new Map<string, Map<string, Reach>>();
    for (const incident of incidents) {
      let reach = reaches.get(incident.entityRef);
      if (!reach) {
        reach = await entityAndDependencies({
          catalog: this.deps.catalog,
          credentials,
          entityRef: incident.entityRef,
          maxDepth: this.deps.dependencyDepth,
        });
        reaches.set(incident.entityRef, reach);
      }
      const changes = await changesOnEntities(db, {
        entityRefs: [...reach.keys()],
        from: incident.detectedAt - config.incidentWindowMs,
        to: incident.detectedAt,
        limit: MAX_CHANGES,
      });
      const rows: ChangeIncidentRow[] = changes.map(change => ({
        change_id: change.id,
        incident_id: incident.id,
        change_entity_ref: change.entity_ref!,
        change_kind: change.kind,
        change_at: Number(change.occurred_at),
        gap_ms: incident.detectedAt - Number(change.occurred_at),
        path: JSON.stringify(reach!.get(change.entity_ref!)!.path),
      }));
      await recordCorrelation(db, {
        incidentId: incident.id,
        rows,
        failureWindowMs: config.failureWindowMs,
        now,
      });
    }
    return incidents.length;
  }
}
