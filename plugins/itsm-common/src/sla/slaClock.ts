import {
  BusinessCalendar,
  addBusinessTime,
  businessTimeBetween,
} from './businessCalendar';

/**
 * Where an SLA clock stands: counting, paused (on a hold that pauses it),
 * stopped in time (`met`), past its due time whether stopped or not
 * (`breached`), or ended without a verdict (`cancelled`).
 *
 * @public
 */
export type SlaClockStatus =
  | 'running'
  | 'paused'
  | 'met'
  | 'breached'
  | 'cancelled';

/** A span of time in which the clock did not count; `to` null while it lasts. */
export interface SlaPause {
  from: number;
  to: number | null;
}

/** The state of one clock at an instant. */
export interface SlaClockState {
  status: SlaClockStatus;
  /** When the target falls due; null while paused. */
  dueAt: number | null;
  /** When the warning share of the target is used; null while paused. */
  warnAt: number | null;
  /** Working time counted so far (to the stop, else to now), pauses excluded. */
  elapsedMs: number;
  /** Working time paused so far. */
  pausedMs: number;
  /** Working time left; negative once overdue. */
  leftMs: number;
}

/**
 * The spans in which the clock counts: from its start, without the pauses,
 * up to the stop or open-ended. Overlapping pauses count once.
 */
function countingSpans(options: {
  startAt: number;
  stopAt: number | null;
  pauses: SlaPause[];
}): Array<[number, number | null]> {
  const { startAt, stopAt } = options;
  const pauses = options.pauses
    .map(p => ({ from: Math.max(p.from, startAt), to: p.to }))
    .filter(p => p.to === null || p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const spans: Array<[number, number | null]> = [];
  let cursor: number | null = startAt;
  for (const pause of pauses) {
    if (cursor === null || (stopAt !== null && pause.from >= stopAt)) {
      break;
    }
    if (pause.from > cursor) {
      spans.push([cursor, pause.from]);
    }
    cursor = pause.to === null ? null : Math.max(cursor, pause.to);
  }
  if (cursor !== null) {
    spans.push([cursor, stopAt]);
  }
  return spans
    .map(([from, to]): [number, number | null] => [
      from,
      stopAt !== null && (to === null || to > stopAt) ? stopAt : to,
    ])
    .filter(([from, to]) => to === null || to > from);
}

/** The instant a span list has counted `amount` of working time, if it does. */
function instantAfter(options: {
  calendar?: BusinessCalendar;
  spans: Array<[number, number | null]>;
  amount: number;
}): number | null {
  let left = options.amount;
  for (const [from, to] of options.spans) {
    const span =
      to === null
        ? Infinity
        : businessTimeBetween({ calendar: options.calendar, from, to });
    if (left <= span) {
      return (
        addBusinessTime({ calendar: options.calendar, from, amount: left }) ??
        null
      );
    }
    left -= span;
  }
  return null;
}

/**
 * One SLA clock (time to respond or to resolve) from its start, its target,
 * the pauses and its stop, at `now`: due time in working time with the
 * pauses pushed out, and met or breached. The due time is computed from the
 * start every time, so a new target (after a change of priority) applies
 * from detection, as ServiceNow does.
 */
export function slaClock(options: {
  calendar?: BusinessCalendar;
  startAt: number;
  targetMs: number;
  /** Share of the target at which to warn, in (0, 1). */
  warningShare: number;
  pauses: SlaPause[];
  /** When the clock stopped (acknowledged, resolved); null while it runs. */
  stopAt: number | null;
  cancelled?: boolean;
  now: number;
}): SlaClockState {
  const { calendar, startAt, targetMs, stopAt, now } = options;
  const until = stopAt ?? now;
  const counting = countingSpans({
    startAt,
    stopAt: until,
    pauses: options.pauses,
  });
  const elapsedMs = counting.reduce(
    (sum, [from, to]) =>
      sum + businessTimeBetween({ calendar, from, to: to ?? until }),
    0,
  );
  const pausedMs = Math.max(
    0,
    businessTimeBetween({ calendar, from: startAt, to: until }) - elapsedMs,
  );
  // A stopped clock's due time is where it would have fallen had it kept on.
  const open =
    stopAt === null
      ? countingSpans({ startAt, stopAt: null, pauses: options.pauses })
      : [...counting, [stopAt, null] as [number, number | null]];
  const pausedNow =
    stopAt === null &&
    options.pauses.some(p => p.from <= now && (p.to === null || p.to > now));
  const dueAt = instantAfter({ calendar, spans: open, amount: targetMs });
  const warnAt = instantAfter({
    calendar,
    spans: open,
    amount: Math.round(targetMs * options.warningShare),
  });
  const leftMs = targetMs - elapsedMs;
  let status: SlaClockStatus;
  if (leftMs < 0) {
    status = 'breached';
  } else if (options.cancelled) {
    status = 'cancelled';
  } else if (stopAt !== null) {
    status = 'met';
  } else {
    status = pausedNow ? 'paused' : 'running';
  }
  return {
    status,
    dueAt: pausedNow ? null : dueAt,
    warnAt: pausedNow ? null : warnAt,
    elapsedMs,
    pausedMs,
    leftMs,
  };
}
