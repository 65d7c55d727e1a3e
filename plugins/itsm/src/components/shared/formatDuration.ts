const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration such as `45m`, `3h 20m` or `2d 4h`. */
export function formatDuration(ms: number): string {
  if (ms < HOUR) {
    return `${Math.max(0, Math.round(ms / MINUTE))}m`;
  }
  if (ms < DAY) {
    const minutes = Math.round((ms % HOUR) / MINUTE);
    return `${Math.floor(ms / HOUR)}h${minutes ? ` ${minutes}m` : ''}`;
  }
  const hours = Math.round((ms % DAY) / HOUR);
  return `${Math.floor(ms / DAY)}d${hours ? ` ${hours}h` : ''}`;
}
