import {
  IncidentStatus,
  Priority,
  SLA_TARGETS,
  SlaPolicy,
  SlaTarget,
  formatIncidentNumber,
  incidentSlaClocks,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { SlaColumns, NO_SLA_DUE } from '../../database/slaTables';
import {
  IncidentSlaRow,
  getIncidentSlaRow,
  listSlaPauses,
  syncSlaPause,
  writeSlaColumns,
} from '../../database/slaState';
import { NewTimelineEvent, appendTimeline } from '../../database/timeline';
import { slaEvent } from './slaEvents';

const OPEN: IncidentStatus[] = ['new', 'in_progress', 'on_hold'];

/** Why the clocks of an incident in this state pause, if they do. */
function pauseReason(row: IncidentSlaRow): string | null {
  if (row.status === 'on_hold') {
    return row.hold_reason ?? 'on_hold';
  }
  return row.status === 'resolved' || row.status === 'closed'
    ? 'resolved'
    : null;
}

const orNull = (value: unknown) =>
  value === null || value === undefined ? null : Number(value);

/**
 * Keeps the SLA clocks stored on incidents: computes them again from
 * detection with the hold spans (so a new priority re-targets from
 * detection), and writes on the timeline, in the same transaction, a new
 * target, a warning at the configured share and a breach, each once.
 */
export class SlaClockKeeper {
  constructor(private readonly deps: { policy?: SlaPolicy }) {}

  /** Whether SLA targets are configured. */
  get enabled(): boolean {
    return this.deps.policy !== undefined;
  }

  /**
   * Brings the clocks of an incident up to date within the caller's
   * transaction, after the incident row changed (or to check on it).
   */
  async refresh(
    tx: Knex.Transaction,
    options: { incidentId: string; now: number },
  ): Promise<void> {
    const { policy } = this.deps;
    if (!policy) {
      return;
    }
    const { incidentId, now } = options;
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await getIncidentSlaRow(tx, incidentId);
      if (!row) {
        return;
      }
      await syncSlaPause(tx, { incidentId, reason: pauseReason(row), now });
      const pauses = await listSlaPauses(tx, incidentId);
      const result = incidentSlaClocks({
        policy,
        incident: {
          priority: row.priority as Priority,
          detectedAt: Number(row.detected_at),
          acknowledgedAt: orNull(row.acknowledged_at),
          resolvedAt: orNull(row.resolved_at),
          closedAt: orNull(row.closed_at),
          cancelled: row.status === 'cancelled',
          pauses: pauses.map(p => ({
            from: Number(p.started_at),
            to: orNull(p.ended_at),
            reason: p.reason,
          })),
        },
        now,
      });
      const changes: Partial<SlaColumns> = {
        sla_priority: row.priority,
        sla_calendar: result?.calendar ?? null,
      };
      const events: NewTimelineEvent[] = [];
      const number = formatIncidentNumber(Number(row.number));
      if (
        row.sla_priority !== null &&
        Number(row.sla_priority) !== Number(row.priority) &&
        OPEN.includes(row.status as IncidentStatus)
      ) {
        events.push(
          slaEvent({
            incidentId,
            kind: 'retargeted',
            body: `P${row.sla_priority} to P${row.priority}: the SLA clocks now count towards the P${row.priority} targets from detection`,
          }),
        );
      }
      const counting: number[] = [];
      const checks: number[] = [];
      for (const target of SLA_TARGETS) {
        const clock = result?.clocks[target] ?? null;
        const warned = Boolean(row[`sla_${target}_warned` as const]);
        const was = row[`sla_${target}_status` as const];
        let nowWarned = warned;
        if (
          clock &&
          clock.status === 'running' &&
          !warned &&
          clock.warnAt !== null &&
          clock.warnAt <= now
        ) {
          nowWarned = true;
          events.push(
            slaEvent({
              incidentId,
              target,
              kind: 'warning',
              body: `${number}: ${describe(target)} ${Math.round(
                policy.warningShare * 100,
              )}% used`,
            }),
          );
        }
        // Clocks decided before they were ever computed (seeded history) tell no one.
        const decidedBefore =
          row.sla_priority === null && isStopped(row, target);
        if (
          clock?.status === 'breached' &&
          was !== 'breached' &&
          !decidedBefore
        ) {
          nowWarned = true;
          events.push(
            slaEvent({
              incidentId,
              target,
              kind: 'breached',
              body: `${number}: ${describe(target)} target missed`,
            }),
          );
        }
        Object.assign(changes, clockColumns(target, clock, nowWarned));
        if (
          clock &&
          (clock.status === 'running' || clock.status === 'breached') &&
          clock.dueAt !== null &&
          !isStopped(row, target)
        ) {
          counting.push(clock.dueAt);
          if (clock.status === 'running') {
            checks.push(nowWarned ? clock.dueAt : clock.warnAt ?? clock.dueAt);
          }
        }
      }
      changes.sla_due_at = counting.length ? Math.min(...counting) : NO_SLA_DUE;
      changes.sla_next_check_at = checks.length ? Math.min(...checks) : null;
      const written = await writeSlaColumns(tx, {
        incidentId,
        expected: {
          sla_priority: row.sla_priority,
          sla_respond_status: row.sla_respond_status,
          sla_resolve_status: row.sla_resolve_status,
          sla_respond_warned: row.sla_respond_warned,
          sla_resolve_warned: row.sla_resolve_warned,
        },
        changes,
      });
      if (written) {
        await appendTimeline(tx, { events, now });
        return;
      }
    }
    throw new Error(`The SLA clocks of incident ${incidentId} kept changing`);
  }
}

function isStopped(row: IncidentSlaRow, target: SlaTarget): boolean {
  return target === 'respond'
    ? row.acknowledged_at !== null
    : row.resolved_at !== null || row.status === 'cancelled';
}

function describe(target: SlaTarget): string {
  return target === 'respond' ? 'time to respond' : 'time to resolve';
}

function clockColumns(
  target: SlaTarget,
  clock: ReturnType<typeof incidentSlaClocks> extends infer R
    ? R extends { clocks: Record<SlaTarget, infer C> }
      ? C
      : never
    : never,
  warned: boolean,
): Partial<SlaColumns> {
  return {
    [`sla_${target}_status`]: clock?.status ?? null,
    [`sla_${target}_target_ms`]: clock?.targetMs ?? null,
    [`sla_${target}_due_at`]: clock?.dueAt ?? null,
    [`sla_${target}_warn_at`]: clock?.warnAt ?? null,
    [`sla_${target}_left_ms`]: clock?.leftMs ?? null,
    [`sla_${target}_paused_ms`]: clock?.pausedMs ?? null,
    [`sla_${target}_warned`]: warned,
  };
}
