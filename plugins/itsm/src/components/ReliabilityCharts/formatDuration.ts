const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in milliseconds in words a dashboard can show: `45s`, `12m`, `2h 5m`, `3d 4h`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) {
    return '–';
  }
  if (ms < MINUTE) {
    return `${Math.round(ms / 1000)}s`;
  }
  if (ms < HOUR) {
    return `${Math.round(ms / MINUTE)}m`;
  }
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.round((ms - hours * HOUR) / MINUTE);
    return minutes === 60
      ? `${hours + 1}h`
      : `${hours}h${minutes ? ` ${minutes}m` : ''}`;
  }
  const days = Math.floor(ms / DAY);
  const hours = Math.round((ms - days * DAY) / HOUR);
  return hours === 24 ? `${days + 1}d` : `${days}d${hours ? ` ${hours}h` : ''}`;
}

/** A week start as a short UTC date, such as `5 Oct`. */
export function formatWeek(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
