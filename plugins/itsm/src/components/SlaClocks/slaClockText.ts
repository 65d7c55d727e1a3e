import { IncidentSlaClock } from '@backstage-itsm/plugin-itsm-common';
import { formatDuration } from '../ReliabilityCharts/formatDuration';

/**
 * What a clock says at `now`: time left or overdue, paused, met, or
 * breached (by how much once stopped, how long overdue while counting).
 */
export function slaClockText(
  clock: IncidentSlaClock,
  now: number,
  stopped = false,
): string {
  const counting = clock.dueAt !== null ? Date.parse(clock.dueAt) - now : null;
  switch (clock.status) {
    case 'running':
      return counting !== null && counting < 0
        ? `Overdue by ${formatDuration(-counting)}`
        : `${formatDuration(counting ?? clock.leftMs)} left`;
    case 'paused':
      return `Paused, ${formatDuration(Math.max(clock.leftMs, 0))} left`;
    case 'met':
      return 'Met';
    case 'breached':
      if (stopped) {
        return `Breached by ${formatDuration(Math.max(-clock.leftMs, 0))}`;
      }
      return counting !== null && counting < 0
        ? `Breached, overdue by ${formatDuration(-counting)}`
        : 'Breached';
    default:
      return 'Cancelled';
  }
}

/** Whether a clock has missed its target or is past its due time. */
export function isOverdue(clock: IncidentSlaClock, now: number): boolean {
  return (
    clock.status === 'breached' ||
    (clock.status === 'running' &&
      clock.dueAt !== null &&
      Date.parse(clock.dueAt) < now)
  );
}
