import { Priority } from '../types';
import { SlaClockState, SlaPause, slaClock } from './slaClock';
import { SlaPolicy, SlaTarget } from './slaTypes';

/** A span an incident spent on hold or resolved, with why. */
export interface IncidentPause extends SlaPause {
  /** The hold reason, or `resolved` for the time until a reopen. */
  reason: string;
}

/** What the clocks of an incident depend on, times in ms. */
export interface IncidentSlaFacts {
  priority: Priority;
  detectedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  cancelled: boolean;
  pauses: IncidentPause[];
}

/**
 * Both clocks of an incident under a policy at `now`: respond stops at the
 * acknowledgement, resolve at the resolution; each pauses on the hold
 * reasons the policy names, and resolve also while the incident is resolved
 * (so a reopen carries on where it stopped). Undefined for a priority
 * without targets.
 */
export function incidentSlaClocks(options: {
  policy: SlaPolicy;
  incident: IncidentSlaFacts;
  now: number;
}):
  | {
      calendar: string | null;
      clocks: Record<SlaTarget, (SlaClockState & { targetMs: number }) | null>;
    }
  | undefined {
  const { policy, incident, now } = options;
  const targets = policy.targets[incident.priority];
  if (!targets) {
    return undefined;
  }
  const calendar = targets.calendar
    ? policy.calendars[targets.calendar]
    : undefined;
  const holds = incident.pauses.filter(p =>
    policy.pausingHoldReasons.includes(p.reason),
  );
  const clock = (
    targetMs: number | undefined,
    stopAt: number | null,
    pauses: SlaPause[],
  ) =>
    targetMs === undefined
      ? null
      : {
          ...slaClock({
            calendar,
            startAt: incident.detectedAt,
            targetMs,
            warningShare: policy.warningShare,
            pauses,
            stopAt: incident.cancelled ? stopAt ?? incident.closedAt : stopAt,
            cancelled: incident.cancelled && stopAt === null,
            now,
          }),
          targetMs,
        };
  return {
    calendar: targets.calendar ?? null,
    clocks: {
      respond: clock(targets.respondMs, incident.acknowledgedAt, holds),
      resolve: clock(
        targets.resolveMs,
        incident.resolvedAt,
        incident.pauses.filter(
          p => p.reason === 'resolved' || holds.includes(p),
        ),
      ),
    },
  };
}
