import {
  CivilDate,
  addDays,
  civilDateAt,
  formatCivilDate,
  instantOfWallTime,
  isoWeekday,
} from './zonedTime';

/**
 * Working time of an SLA: days of the week, hours of the day and holidays
 * in a time zone. No calendar means 24x7.
 *
 * @public
 */
export interface BusinessCalendar {
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  workingDays: number[];
  /** Minutes after midnight the working day starts. */
  startMinute: number;
  /** Minutes after midnight it ends (up to 1440). */
  endMinute: number;
  /** Dates (`YYYY-MM-DD`, in the time zone) without working time. */
  holidays: string[];
}

// Ten years without working time means the calendar has none; config
// validation rejects such calendars, this only keeps a bad one from hanging.
const MAX_DAYS = 3660;

function workingWindow(
  calendar: BusinessCalendar,
  date: CivilDate,
): [number, number] | undefined {
  if (
    !calendar.workingDays.includes(isoWeekday(date)) ||
    calendar.holidays.includes(formatCivilDate(date))
  ) {
    return undefined;
  }
  return [
    instantOfWallTime(date, calendar.startMinute, calendar.timeZone),
    instantOfWallTime(date, calendar.endMinute, calendar.timeZone),
  ];
}

/** Working time between two instants, in ms; 24x7 without a calendar. */
export function businessTimeBetween(options: {
  calendar?: BusinessCalendar;
  from: number;
  to: number;
}): number {
  const { calendar, from, to } = options;
  if (to <= from) {
    return 0;
  }
  if (!calendar) {
    return to - from;
  }
  let total = 0;
  // The day before covers a window that began on the previous local date.
  let date = addDays(civilDateAt(from, calendar.timeZone), -1);
  for (let day = 0; day < MAX_DAYS; day++, date = addDays(date, 1)) {
    const window = workingWindow(calendar, date);
    if (window) {
      if (window[0] >= to) {
        break;
      }
      total += Math.max(0, Math.min(window[1], to) - Math.max(window[0], from));
    } else if (instantOfWallTime(date, 0, calendar.timeZone) >= to) {
      break;
    }
  }
  return total;
}

/**
 * The instant `amount` ms of working time after `from`; undefined when the
 * calendar has no working time left within ten years.
 */
export function addBusinessTime(options: {
  calendar?: BusinessCalendar;
  from: number;
  amount: number;
}): number | undefined {
  const { calendar, from, amount } = options;
  if (!calendar) {
    return from + amount;
  }
  let left = amount;
  let date = addDays(civilDateAt(from, calendar.timeZone), -1);
  for (let day = 0; day < MAX_DAYS; day++, date = addDays(date, 1)) {
    const window = workingWindow(calendar, date);
    if (!window || window[1] <= from) {
      continue;
    }
    const start = Math.max(window[0], from);
    const available = window[1] - start;
    if (left <= available) {
      return start + left;
    }
    left -= available;
  }
  return undefined;
}

/** Whether a calendar has any working time in the year after `from`. */
export function hasWorkingTime(
  calendar: BusinessCalendar,
  from: number,
): boolean {
  return (
    calendar.endMinute > calendar.startMinute &&
    businessTimeBetween({ calendar, from, to: from + 366 * 86_400_000 }) > 0
  );
}
