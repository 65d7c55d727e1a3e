import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  BusinessCalendar,
  HOLD_REASONS,
  PRIORITIES,
  Priority,
  SlaPolicy,
  SlaPriorityTargets,
  hasWorkingTime,
  isKnownTimeZone,
} from '@backstage-itsm/plugin-itsm-common';

/** Where the SLA settings live in app-config. */
export const SLA_CONFIG_KEY = 'itsm.sla';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DEFAULT_PAUSING = ['awaiting_caller', 'awaiting_vendor'];
const DEFAULT_WARNING_SHARE = 0.75;

function fail(key: string, reason: string): never {
  throw new Error(`Invalid config ${SLA_CONFIG_KEY}.${key}: ${reason}`);
}

function readTargetMs(config: Config, key: string, path: string) {
  if (!config.has(key)) {
    return undefined;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    return fail(
      `${path}.${key}`,
      `must be a duration such as { minutes: 15 } or PT15M (${
        (error as Error).message
      })`,
    );
  }
  if (!(ms > 0)) {
    fail(`${path}.${key}`, 'must be longer than zero');
  }
  return ms;
}

function minuteOfDay(value: string, key: string, max: number): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || !(minutes <= max)) {
    fail(key, `must be a time of day HH:MM, got '${value}'`);
  }
  return minutes;
}

function readCalendar(
  config: Config,
  name: string,
  now: number,
): BusinessCalendar {
  const path = `calendars.${name}`;
  const timeZone = config.getOptionalString('timeZone') ?? 'UTC';
  if (!isKnownTimeZone(timeZone)) {
    fail(`${path}.timeZone`, `unknown time zone '${timeZone}'`);
  }
  const days =
    config.getOptionalStringArray('workingDays') ?? WEEKDAYS.slice(0, 5);
  const workingDays = days.map(day => {
    const index = WEEKDAYS.indexOf(day.toLowerCase());
    if (index < 0) {
      fail(
        `${path}.workingDays`,
        `'${day}' is not one of ${WEEKDAYS.join(', ')}`,
      );
    }
    return index + 1;
  });
  const hours = config.getOptionalConfig('hours');
  const startMinute = minuteOfDay(
    hours?.getOptionalString('start') ?? '00:00',
    `${path}.hours.start`,
    1439,
  );
  const endMinute = minuteOfDay(
    hours?.getOptionalString('end') ?? '24:00',
    `${path}.hours.end`,
    1440,
  );
  if (endMinute <= startMinute) {
    fail(`${path}.hours`, 'end must be later than start');
  }
  const holidays = config.getOptionalStringArray('holidays') ?? [];
  for (const holiday of holidays) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday) || isNaN(Date.parse(holiday))) {
      fail(`${path}.holidays`, `'${holiday}' is not a date YYYY-MM-DD`);
    }
  }
  const calendar = { timeZone, workingDays, startMinute, endMinute, holidays };
  if (!hasWorkingTime(calendar, now)) {
    fail(path, 'yields no working time in the coming year');
  }
  return calendar;
}

/**
 * Reads `itsm.sla`; a bad value throws naming its key, so start-up fails.
 * Undefined without targets: no incident has clocks.
 */
export function readSlaPolicy(
  root: Config,
  now: number = Date.now(),
): SlaPolicy | undefined {
  const config = root.getOptionalConfig(SLA_CONFIG_KEY);
  if (!config) {
    return undefined;
  }
  const calendars: Record<string, BusinessCalendar> = {};
  const calendarsConfig = config.getOptionalConfig('calendars');
  for (const name of calendarsConfig?.keys() ?? []) {
    calendars[name] = readCalendar(calendarsConfig!.getConfig(name), name, now);
  }
  const targets: SlaPolicy['targets'] = {};
  const targetsConfig = config.getOptionalConfig('targets');
  for (const key of targetsConfig?.keys() ?? []) {
    const priority = Number(/^P([1-5])$/.exec(key)?.[1]) as Priority;
    if (!PRIORITIES.includes(priority)) {
      fail(`targets.${key}`, 'priorities are P1 to P5');
    }
    const entry = targetsConfig!.getConfig(key);
    const path = `targets.${key}`;
    const calendar = entry.getOptionalString('calendar');
    if (calendar !== undefined && !calendars[calendar]) {
      fail(
        `${path}.calendar`,
        `no calendar '${calendar}' under ${SLA_CONFIG_KEY}.calendars`,
      );
    }
    const target: SlaPriorityTargets = {
      respondMs: readTargetMs(entry, 'respond', path),
      resolveMs: readTargetMs(entry, 'resolve', path),
      calendar,
    };
    if (target.respondMs === undefined && target.resolveMs === undefined) {
      fail(path, 'needs respond, resolve or both');
    }
    targets[priority] = target;
  }
  if (Object.keys(targets).length === 0) {
    fail('targets', 'name the targets of at least one priority, e.g. P1');
  }
  const pausingHoldReasons =
    config.getOptionalStringArray('pauseOnHoldReasons') ?? DEFAULT_PAUSING;
  for (const reason of pausingHoldReasons) {
    if (!(HOLD_REASONS as readonly string[]).includes(reason)) {
      fail(
        'pauseOnHoldReasons',
        `'${reason}' is not one of ${HOLD_REASONS.join(', ')}`,
      );
    }
  }
  const warningShare =
    config.getOptionalNumber('warningShare') ?? DEFAULT_WARNING_SHARE;
  if (!(warningShare > 0 && warningShare < 1)) {
    fail('warningShare', 'must be between 0 and 1, e.g. 0.75');
  }
  return { targets, calendars, pausingHoldReasons, warningShare };
}
