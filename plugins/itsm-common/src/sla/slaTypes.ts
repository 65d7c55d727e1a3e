import type { Priority } from '../types';
import { BusinessCalendar } from './businessCalendar';
import { SlaClockStatus } from './slaClock';

/**
 * The two SLA targets of an incident.
 *
 * @public
 */
export const SLA_TARGETS = ['respond', 'resolve'] as const;
/**
 * Time to respond (to acknowledge) or time to resolve.
 *
 * @public
 */
export type SlaTarget = (typeof SLA_TARGETS)[number];

/**
 * The targets of one priority, in ms, and the calendar they count in.
 *
 * @public
 */
export interface SlaPriorityTargets {
  respondMs?: number;
  resolveMs?: number;
  /** Name of the calendar; undefined is 24x7. */
  calendar?: string;
}

/**
 * The SLA policy read from `itsm.sla`.
 *
 * @public
 */
export interface SlaPolicy {
  targets: Partial<Record<Priority, SlaPriorityTargets>>;
  calendars: Record<string, BusinessCalendar>;
  /** Hold reasons during which the clocks pause. */
  pausingHoldReasons: string[];
  /** Share of a target at which the assignee and owners are warned. */
  warningShare: number;
}

/**
 * One clock of an incident as stored and shown.
 *
 * @public
 */
export interface IncidentSlaClock {
  status: SlaClockStatus;
  targetMs: number;
  /** ISO time the target falls due; null while paused. */
  dueAt: string | null;
  /** Working time left when last computed (negative once overdue). */
  leftMs: number;
  /** Working time paused so far. */
  pausedMs: number;
}

/**
 * The SLA clocks of an incident; a clock is null when its priority has no
 * such target.
 *
 * @public
 */
export interface IncidentSla {
  /** The priority the targets are those of. */
  priority: Priority;
  /** The calendar the clocks count in; null is 24x7. */
  calendar: string | null;
  respond: IncidentSlaClock | null;
  resolve: IncidentSlaClock | null;
}

/**
 * SLA compliance of one target: clocks decided (met or breached) and met.
 *
 * @public
 */
export interface SlaShare {
  met: number;
  breached: number;
  /** met / (met + breached); null when none was decided. */
  share: number | null;
}

/**
 * SLA compliance in the analysis: per target, by priority and per week, and
 * the incidents that breached.
 *
 * @public
 */
export interface SlaAnalysis {
  byPriority: Array<{
    priority: Priority;
    respond: SlaShare;
    resolve: SlaShare;
  }>;
  weekly: Array<{ weekStart: string; respond: SlaShare; resolve: SlaShare }>;
  /** The most recent breaches of the window, newest first. */
  breaches: Array<{
    number: string;
    title: string;
    priority: Priority;
    entityRef: string;
    /** The targets it missed. */
    targets: SlaTarget[];
    detectedAt: string;
  }>;
}
