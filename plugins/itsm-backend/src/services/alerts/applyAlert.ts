import {
  PriorityMatrix,
  derivePriority,
} from '@backstage-itsm/plugin-itsm-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import {
  addAlertOccurrences,
  changeAlertIncident,
  findOpenIncidentForUpdate,
} from '../../database/alertIncidents';
import { insertIncident } from '../../database/insertIncident';
import { insertUnlessTaken } from '../../database/insertUnlessTaken';
import { openDedupKeyOf } from '../../database/openDedupKey';
import { IncidentRow, UnroutedAlertRow } from '../../database/tables';
import { toIso } from '../../database/time';
import { NewTimelineEvent, appendTimeline } from '../../database/timeline';
import { touchRecord } from '../../database/records';
import {
  findUnroutedHoldingKeyForUpdate,
  insertUnroutedAlertRow,
  touchUnrouted,
} from '../../database/unroutedAlerts';
import { ResolvedEntity } from '../../shared/catalogEntities';
import { incidentTransitionChanges } from '../../shared/incidentTransitionChanges';
import { transitionEvent } from '../../shared/transitionEvent';
import { AlertConfig, levelsOf } from './alertConfig';
import { IncomingAlert } from './incomingAlert';

/** What one alert did. */
export type AlertOutcome =
  | 'opened'
  | 'repeated'
  | 'acknowledged'
  | 'resolved'
  | 'unrouted'
  | 'ignored';

/** What applying an alert needs besides the alert. */
export interface AlertContext {
  config: AlertConfig;
  priorityMatrix: PriorityMatrix;
  /** Declares the P1 incidents alerts open major incidents. */
  autoDeclare: boolean;
  /** Who sent the delivery. */
  actorRef: string;
  now: number;
}

/**
 * A collision can only repeat if rows keep being opened and closed under the
 * same key within one transaction; two rounds settle every real race.
 */
const MAX_ROUNDS = 3;

/**
 * Applies one alert inside the delivery's transaction. Deduplication rests on
 * the unique `open_dedup_key` indexes: look for the open record, and when
 * none exists insert one under a savepoint; if a concurrent delivery inserted
 * it first, the collision sends this alert round again as an update.
 */
export async function applyAlert(
  tx: Knex.Transaction,
  options: {
    alert: IncomingAlert;
    route: ResolvedEntity | undefined;
    context: AlertContext;
  },
): Promise<AlertOutcome> {
  const { alert, route, context } = options;
  const key = openDedupKeyOf(alert.source, alert.dedupKey);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const open = await findOpenIncidentForUpdate(tx, key);
    if (open) {
      return applyToIncident(tx, { alert, row: open, context });
    }
    const kept = await findUnroutedHoldingKeyForUpdate(tx, key);
    if (kept || alert.action !== 'trigger') {
      return applyToInbox(tx, { alert, kept, context });
    }
    const inserted = route
      ? await insertUnlessTaken(tx, sp =>
          openIncident(sp, { alert, route, key, context }),
        )
      : await insertUnlessTaken(tx, sp =>
          openInboxEntry(sp, { alert, key, context }),
        );
    if (inserted) {
      return route ? 'opened' : 'unrouted';
    }
  }
  throw new Error(`Alert ${key} kept colliding with concurrent deliveries`);
}

function alertTime(alert: IncomingAlert, now: number) {
  return toIso(alert.at ?? now);
}

/** Timeline text of a repeated alert. */
export function repeatBody(alert: IncomingAlert): string {
  return alert.at
    ? `Alert fired again (firing since ${toIso(alert.at)})`
    : 'Alert fired again';
}

async function applyToIncident(
  tx: Knex.Transaction,
  options: { alert: IncomingAlert; row: IncidentRow; context: AlertContext },
): Promise<AlertOutcome> {
  const { alert, row } = options;
  const { actorRef, now, config } = options.context;
  if (alert.action === 'trigger') {
    await addAlertOccurrences(tx, {
      occurrences: [{ row, bodies: [repeatBody(alert)] }],
      actorRef,
      now,
    });
    return 'repeated';
  }
  const event: NewTimelineEvent = {
    recordType: 'incident',
    recordId: row.id,
    kind: 'alert_occurrence',
    actorRef,
    field: 'alert',
    newValue: alert.action === 'resolve' ? 'resolved' : 'acknowledged',
    body:
      alert.action === 'resolve'
        ? `Alert resolved at ${alertTime(alert, now)}`
        : `Alert acknowledged by ${actorRef}`,
  };
  const to =
    alert.action === 'resolve'
      ? config.autoResolve && 'resolved'
      : row.status === 'new' && 'in_progress';
  if (!to) {
    // Only recorded: like an occurrence, it leaves the version alone.
    await touchRecord(tx, { recordType: 'incident', id: row.id, now });
    await appendTimeline(tx, { events: [event], now });
    return alert.action === 'resolve' ? 'resolved' : 'acknowledged';
  }
  const resolutionNotes =
    to === 'resolved'
      ? `Resolved automatically: the alert resolved at ${alertTime(alert, now)}`
      : undefined;
  await changeAlertIncident(tx, {
    row,
    changes: incidentTransitionChanges({
      row,
      to,
      resolutionCode: to === 'resolved' ? config.resolutionCode : undefined,
      resolutionNotes,
      now,
    }),
    events: [
      event,
      transitionEvent({
        recordType: 'incident',
        recordId: row.id,
        actorRef,
        from: row.status,
        to,
        body: resolutionNotes,
      }),
    ],
    now,
  });
  return alert.action === 'resolve' ? 'resolved' : 'acknowledged';
}

/**
 * Records a delivery on the inbox entry holding the alert's key. A dismissed
 * entry counts the deliveries of its alert while it fires; once the alert
 * ends it gives the key up, so a later firing waits in the inbox again.
 */
async function applyToInbox(
  tx: Knex.Transaction,
  options: {
    alert: IncomingAlert;
    kept: UnroutedAlertRow | undefined;
    context: AlertContext;
  },
): Promise<AlertOutcome> {
  const { alert, kept, context } = options;
  if (!kept || alert.action === 'acknowledge') {
    return 'ignored';
  }
  const fired = alert.action === 'trigger';
  await touchUnrouted(tx, {
    id: kept.id,
    fired,
    endedAt: alert.at,
    startedAt: (kept.started_at ?? null) === null ? alert.at : undefined,
    releaseKey: !fired && kept.status === 'dismissed',
    now: context.now,
  });
  return fired ? 'unrouted' : 'resolved';
}

async function openIncident(
  tx: Knex.Transaction,
  options: {
    alert: IncomingAlert;
    route: ResolvedEntity;
    key: string;
    context: AlertContext;
  },
): Promise<IncidentRow> {
  const { alert, route, key, context } = options;
  const { impact, urgency } = levelsOf(context.config, alert.severity);
  const priority = derivePriority({
    impact,
    urgency,
    matrix: context.priorityMatrix,
  });
  return insertIncident(tx, {
    incident: {
      title: alert.title,
      description: alert.description,
      entityRef: route.entityRef,
      ownerRef: route.ownerRef,
      category: context.config.category,
      impact,
      urgency,
      priority,
      major: priority === 1,
      declaredAt: priority === 1 && context.autoDeclare ? context.now : null,
      assigneeRef: null,
      reporterRef: context.actorRef,
      source: alert.source,
      dedupKey: alert.dedupKey,
      openDedupKey: key,
      occurrenceCount: 1,
      workaround: null,
      detectedAt: alert.at ?? context.now,
    },
    now: context.now,
  });
}

async function openInboxEntry(
  tx: Knex.Transaction,
  options: { alert: IncomingAlert; key: string; context: AlertContext },
): Promise<UnroutedAlertRow> {
  const { alert, key, context } = options;
  const { impact, urgency } = levelsOf(context.config, alert.severity);
  const row: UnroutedAlertRow = {
    id: randomUUID(),
    source: alert.source,
    dedup_key: alert.dedupKey,
    open_dedup_key: key,
    title: alert.title,
    description: alert.description,
    severity: alert.severity,
    impact,
    urgency,
    labels: JSON.stringify(alert.labels),
    status: 'pending',
    occurrence_count: 1,
    started_at: alert.at ?? null,
    first_seen_at: context.now,
    last_seen_at: context.now,
    ended_at: null,
    incident_id: null,
    assigned_by: null,
    assigned_at: null,
    reporter_ref: context.actorRef,
  };
  await insertUnroutedAlertRow(tx, row);
  return row;
}
