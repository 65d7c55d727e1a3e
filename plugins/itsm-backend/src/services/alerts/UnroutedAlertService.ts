import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Incident,
  PriorityMatrix,
  UnroutedAlert,
  UnroutedAlertCount,
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
  countUnroutedAlerts,
  findUnroutedForUpdate,
  listUnroutedAlerts,
  updateUnroutedAlertRow,
} from '../../database/unroutedAlerts';
import { openIncidentNumberOf } from '../../database/alertIncidents';
import { Authorizer } from '../../shared/authorizer';
import { MajorIncidentConfig } from '../../shared/majorIncidentConfig';
import { Caller } from '../../shared/caller';
import { CatalogEntities } from '../../shared/catalogEntities';
import { AlertConfig } from './alertConfig';

/** Throws a 409 unless the alert still waits in the inbox. */
function assertPending(alert: UnroutedAlertRow): void {
  if (alert.status !== 'pending') {
    throw new ConflictError(
      `The alert was ${alert.status} already; reload the inbox`,
    );
  }
}

/**
 * The inbox of alerts that matched no entity. Whoever may open incidents may
 * see it, assign an alert to an entity, which opens its incident, or dismiss
 * it with a reason.
 */
export class UnroutedAlertService {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      entities: CatalogEntities;
      config: AlertConfig;
      priorityMatrix: PriorityMatrix;
      majorIncidents?: MajorIncidentConfig;
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

  /** How many alerts are in a status (in any without one), for the inbox badge. */
  async count(
    options: { status?: UnroutedAlert['status'] },
    caller: Caller,
  ): Promise<UnroutedAlertCount> {
    await this.deps.authorizer.require(
      itsmIncidentCreatePermission,
      caller.credentials,
    );
    return { count: await countUnroutedAlerts(this.deps.db, options) };
  }

  /**
   * Dismisses a waiting alert, keeping it with the reason, who and when. While
   * the alert still fires the entry keeps its dedup key and counts its
   * deliveries; once the alert has ended a new firing waits in the inbox again.
   */
  async dismiss(options: {
    id: string;
    input: { reason: string };
    caller: Caller;
  }): Promise<UnroutedAlert> {
    const { id, input, caller } = options;
    await this.deps.authorizer.require(
      itsmIncidentCreatePermission,
      caller.credentials,
    );
    if (!isUuid(id)) {
      throw new NotFoundError(`No unrouted alert '${id}'`);
    }
    const now = this.now();
    return this.deps.db.transaction(async tx => {
      const alert = await findUnroutedForUpdate(tx, id);
      if (!alert) {
        throw new NotFoundError(`No unrouted alert '${id}'`);
      }
      assertPending(alert);
      const changes: Partial<UnroutedAlertRow> = {
        status: 'dismissed',
        dismissed_by: caller.actorRef,
        dismissed_at: now,
        dismiss_reason: input.reason,
      };
      if (alert.ended_at !== null) {
        changes.open_dedup_key = null;
      }
      await updateUnroutedAlertRow(tx, { id, changes });
      return unroutedAlertFromRow({ ...alert, ...changes });
    });
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
      assertPending(alert);
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
        declaredAt:
          priority === 1 && this.deps.majorIncidents?.autoDeclare ? now : null,
        assigneeRef: null,
        reporterRef: alert.reporter_ref,
        source: alert.source,
        dedupKey: alert.dedup_key,
        openDedupKey: alert.ended_at === null ? key : null,
        occurrenceCount: Number(alert.occurrence_count),
        workaround: null,
        // As for routed alerts: when it started, not when it reached us.
        detectedAt: Number(alert.started_at ?? alert.first_seen_at),
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
