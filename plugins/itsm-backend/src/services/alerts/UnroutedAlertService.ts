import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Incident,
  PriorityMatrix,
  UnroutedAlert,
  derivePriority,
  formatIncidentNumber,
  itsmIncidentCreatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from '../../database/cursor';
import { isUuid } from '../../database/findRecordRow';
import { insertIncident } from '../../database/insertIncident';
import { insertUnlessTaken } from '../../database/insertUnlessTaken';
import { incidentFromRow, unroutedAlertFromRow } from '../../database/mappers';
import { openDedupKeyOf } from '../../database/openDedupKey';
import { IncidentRow, UnroutedAlertRow } from '../../database/tables';
import { appendTimeline } from '../../database/timeline';
import {
  findUnroutedForUpdate,
  listUnroutedAlerts,
  updateUnroutedAlertRow,
} from '../../database/unroutedAlerts';
import { openIncidentNumberOf } from '../../database/alertIncidents';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { CatalogEntities } from '../../shared/catalogEntities';
import { AlertConfig } from './alertConfig';

/**
 * The inbox of alerts that matched no entity. Whoever may open incidents may
 * see it and assign an alert to an entity, which opens its incident.
 */
export class UnroutedAlertService {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      entities: CatalogEntities;
      config: AlertConfig;
      priorityMatrix: PriorityMatrix;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** Lists the inbox newest first. */
  async list(
    options: {
      status?: UnroutedAlert['status'];
      after?: Cursor;
      limit: number;
    },
    caller: Caller,
  ) {
    await this.deps.authorizer.require(
      itsmIncidentCreatePermission,
      caller.credentials,
    );
    return listUnroutedAlerts(this.deps.db, options);
  }

  /**
   * Opens the incident of a waiting alert on the given entity. While the
   * alert still fires, the incident takes over its deduplication, so later
   * deliveries count as occurrences of that incident.
   */
  async assign(options: {
    id: string;
    input: { entityRef: string };
    caller: Caller;
  }): Promise<{ alert: UnroutedAlert; incident: Incident }> {
    const { id, input, caller } = options;
    await this.deps.authorizer.require(
      itsmIncidentCreatePermission,
      caller.credentials,
    );
    if (!isUuid(id)) {
      throw new NotFoundError(`No unrouted alert '${id}'`);
    }
    const entity = await this.deps.entities.resolve({
      ref: input.entityRef,
      field: 'entityRef',
      credentials: caller.credentials,
    });
    const now = this.now();
    return this.deps.db.transaction(async tx => {
      const alert = await findUnroutedForUpdate(tx, id);
      if (!alert) {
        throw new NotFoundError(`No unrouted alert '${id}'`);
      }
      if (alert.status !== 'pending') {
        throw new ConflictError(
          'The alert was assigned already; reload the inbox',
        );
      }
      const key = openDedupKeyOf(alert.source, alert.dedup_key);
      const incident = await insertUnlessTaken(tx, sp =>
        this.openIncident(sp, { alert, entity, key, caller, now }),
      );
      if (!incident) {
        const holder = await openIncidentNumberOf(tx, key);
        throw new ConflictError(
          `${formatIncidentNumber(
            Number(holder),
          )} is already open for this alert`,
        );
      }
      const changes: Partial<UnroutedAlertRow> = {
        status: 'assigned',
        open_dedup_key: null,
        incident_id: incident.id,
        assigned_by: caller.actorRef,
        assigned_at: now,
      };
      await updateUnroutedAlertRow(tx, { id, changes });
      return {
        alert: unroutedAlertFromRow({ ...alert, ...changes }),
        incident: incidentFromRow(incident),
      };
    });
  }

  private async openIncident(
    tx: Knex.Transaction,
    options: {
      alert: UnroutedAlertRow;
      entity: { entityRef: string; ownerRef: string | null };
      key: string;
      caller: Caller;
      now: number;
    },
  ): Promise<IncidentRow> {
    const { alert, entity, key, caller, now } = options;
    // The inbox entry gives its key up in the same transaction; releasing it
    // first keeps the two unique indexes from ever holding it twice.
    await updateUnroutedAlertRow(tx, {
      id: alert.id,
      changes: { open_dedup_key: null },
    });
    const priority = derivePriority({
      impact: Number(alert.impact) as 1 | 2 | 3,
      urgency: Number(alert.urgency) as 1 | 2 | 3,
      matrix: this.deps.priorityMatrix,
    });
    const row = await insertIncident(tx, {
      incident: {
        title: alert.title,
        description: alert.description,
        entityRef: entity.entityRef,
        ownerRef: entity.ownerRef,
        category: this.deps.config.category,
        impact: Number(alert.impact),
        urgency: Number(alert.urgency),
        priority,
        major: priority === 1,
        assigneeRef: null,
        reporterRef: alert.reporter_ref,
        source: alert.source,
        dedupKey: alert.dedup_key,
        openDedupKey: alert.ended_at === null ? key : null,
        occurrenceCount: Number(alert.occurrence_count),
        workaround: null,
        detectedAt: Number(alert.first_seen_at),
      },
      now,
    });
    await appendTimeline(tx, {
      events: [
        {
          recordType: 'incident',
          recordId: row.id,
          kind: 'alert_occurrence',
          actorRef: caller.actorRef,
          field: 'entityRef',
          newValue: entity.entityRef,
          body: `Assigned from the unrouted alert inbox after ${alert.occurrence_count} deliveries`,
        },
      ],
      now,
    });
    return row;
  }
}
