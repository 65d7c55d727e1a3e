import {
  IncidentSla,
  IncidentSlaClock,
  Priority,
  SlaClockStatus,
  SlaTarget,
} from '@backstage-itsm/plugin-itsm-common';
import { SlaColumns } from './slaTables';
import { toIsoOrNull } from './time';

function clockFromRow(
  row: Partial<SlaColumns>,
  target: SlaTarget,
): IncidentSlaClock | null {
  const status = row[`sla_${target}_status` as const];
  if (!status) {
    return null;
  }
  return {
    status: status as SlaClockStatus,
    targetMs: Number(row[`sla_${target}_target_ms` as const]),
    dueAt: toIsoOrNull(row[`sla_${target}_due_at` as const] ?? null),
    leftMs: Number(row[`sla_${target}_left_ms` as const] ?? 0),
    pausedMs: Number(row[`sla_${target}_paused_ms` as const] ?? 0),
  };
}

/** The SLA clocks of an incident row; undefined when its priority has no targets. */
export function incidentSlaFromRow(
  row: Partial<SlaColumns>,
): IncidentSla | undefined {
  const respond = clockFromRow(row, 'respond');
  const resolve = clockFromRow(row, 'resolve');
  if (!respond && !resolve) {
    return undefined;
  }
  return {
    priority: Number(row.sla_priority) as Priority,
    calendar: row.sla_calendar ?? null,
    respond,
    resolve,
  };
}
