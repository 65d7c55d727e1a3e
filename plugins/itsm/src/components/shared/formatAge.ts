const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Compact age of a timestamp, such as `5m`, `3h` or `2d`. */
export function formatAge(options: { from: string; now?: number }): string {
  const now = options.now ?? Date.now();
  const elapsed = Math.max(0, now - new Date(options.from).getTime());
  if (Number.isNaN(elapsed)) {
    return '';
  }
  if (elapsed < HOUR) {
    return `${Math.floor(elapsed / MINUTE)}m`;
  }
  if (elapsed < DAY) {
    return `${Math.floor(elapsed / HOUR)}h`;
  }
  return `${Math.floor(elapsed / DAY)}d`;
}
