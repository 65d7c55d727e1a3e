const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** A calendar date without a time zone. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Whether the runtime knows the IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClockAsUtc(time: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(time)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  return Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
}

/** The offset of the zone from UTC at an instant, in ms (whole seconds). */
export function zoneOffsetMs(time: number, timeZone: string): number {
  const whole = Math.floor(time / 1000) * 1000;
  return wallClockAsUtc(whole, timeZone) - whole;
}

/** The date the zone's wall clock shows at an instant. */
export function civilDateAt(time: number, timeZone: string): CivilDate {
  const local = new Date(time + zoneOffsetMs(time, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  };
}

/** The date `days` after a date. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
  };
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: CivilDate): number {
  const day = new Date(
    Date.UTC(date.year, date.month - 1, date.day),
  ).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `YYYY-MM-DD` of a date. */
export function formatCivilDate(date: CivilDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * The instant the zone's wall clock shows `minutes` after midnight of a
 * date. A wall time that a daylight-saving change skips moves forward by the
 * length of the gap; one it repeats is the earlier of the two.
 */
export function instantOfWallTime(
  date: CivilDate,
  minutes: number,
  timeZone: string,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  if (second === first) {
    return first;
  }
  // Two offsets disagree only around a change: keep the one that round-trips.
  const roundTrips = (t: number) => t + zoneOffsetMs(t, timeZone) === wall;
  if (roundTrips(first) && roundTrips(second)) {
    return Math.min(first, second);
  }
  if (roundTrips(first)) {
    return first;
  }
  if (roundTrips(second)) {
    return second;
  }
  return Math.max(first, second);
}
