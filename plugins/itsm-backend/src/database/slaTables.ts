import { DbTime } from './tables';

/** The SLA columns of an `itsm_incidents` row, per target. */
export interface SlaClockColumns {
  sla_respond_status: string | null;
  sla_respond_target_ms: DbTime | null;
  sla_respond_due_at: DbTime | null;
  sla_respond_warn_at: DbTime | null;
  sla_respond_left_ms: DbTime | null;
  sla_respond_paused_ms: DbTime | null;
  sla_respond_warned: boolean | number;
  sla_resolve_status: string | null;
  sla_resolve_target_ms: DbTime | null;
  sla_resolve_due_at: DbTime | null;
  sla_resolve_warn_at: DbTime | null;
  sla_resolve_left_ms: DbTime | null;
  sla_resolve_paused_ms: DbTime | null;
  sla_resolve_warned: boolean | number;
}

/** Every SLA column of an `itsm_incidents` row. */
export interface SlaColumns extends SlaClockColumns {
  /** The priority the clocks were last computed for; null before the first time. */
  sla_priority: number | null;
  sla_calendar: string | null;
  /** The soonest due time of a counting clock; the largest safe integer when none counts. */
  sla_due_at: DbTime;
  /** When the breach task must look at the incident next; null when never. */
  sla_next_check_at: DbTime | null;
}

/** A row of `itsm_sla_pauses`. */
export interface SlaPauseRow {
  id: number | string;
  incident_id: string;
  reason: string;
  started_at: DbTime;
  ended_at: DbTime | null;
}

/** `sla_due_at` of an incident without a counting clock: last in "due soonest". */
export const NO_SLA_DUE = Number.MAX_SAFE_INTEGER;
