/** One minute in milliseconds. */
export const MINUTE = 60_000;

/** One hour in milliseconds. */
export const HOUR = 60 * MINUTE;

/** One day in milliseconds. */
export const DAY = 24 * HOUR;

/** Wall-clock time of an epoch-millisecond instant, such as `14:05 UTC`. */
export function formatClock(time: number): string {
  return `${new Date(time).toISOString().slice(11, 16)} UTC`;
}

/** Calendar date of an epoch-millisecond instant, such as `2026-11-23`. */
export function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** A duration as `2 h 05 min` or `35 min`. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = String(minutes % 60).padStart(2, '0');
  return `${hours} h ${rest} min`;
}
