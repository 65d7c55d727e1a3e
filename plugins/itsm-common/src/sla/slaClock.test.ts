import { BusinessCalendar } from './businessCalendar';
import { incidentSlaClocks } from './incidentSlaClocks';
import { slaClock } from './slaClock';
import { SlaPolicy } from './slaTypes';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string) => Date.parse(iso);
const T0 = at('2026-01-05T08:00:00Z'); // Mon 09:00 Berlin

const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  holidays: [],
};

const base = {
  startAt: T0,
  targetMs: 4 * HOUR,
  warningShare: 0.75,
  pauses: [],
  stopAt: null,
};

describe('slaClock', () => {
  it('runs 24x7 with due and warning times from the start', () => {
    const state = slaClock({ ...base, now: T0 + HOUR });
    expect(state).toEqual({
      status: 'running',
      dueAt: T0 + 4 * HOUR,
      warnAt: T0 + 3 * HOUR,
      elapsedMs: HOUR,
      pausedMs: 0,
      leftMs: 3 * HOUR,
    });
  });

  it('is breached once the due time passes, and stays so when stopped late', () => {
    expect(slaClock({ ...base, now: T0 + 5 * HOUR }).status).toBe('breached');
    const late = slaClock({
      ...base,
      stopAt: T0 + 5 * HOUR,
      now: T0 + 9 * HOUR,
    });
    expect(late.status).toBe('breached');
    expect(late.leftMs).toBe(-HOUR);
  });

  it('is met when stopped on or before the due time', () => {
    const state = slaClock({
      ...base,
      stopAt: T0 + 4 * HOUR,
      now: T0 + 9 * HOUR,
    });
    expect(state.status).toBe('met');
    expect(state.dueAt).toBe(T0 + 4 * HOUR);
    expect(state.elapsedMs).toBe(4 * HOUR);
  });

  it('pushes the due time out by a closed pause', () => {
    const state = slaClock({
      ...base,
      pauses: [{ from: T0 + HOUR, to: T0 + 3 * HOUR }],
      now: T0 + 4 * HOUR,
    });
    expect(state).toMatchObject({
      status: 'running',
      dueAt: T0 + 6 * HOUR,
      warnAt: T0 + 5 * HOUR,
      elapsedMs: 2 * HOUR,
      pausedMs: 2 * HOUR,
      leftMs: 2 * HOUR,
    });
  });

  it('has no due time while paused, and keeps the time left', () => {
    const state = slaClock({
      ...base,
      pauses: [{ from: T0 + HOUR, to: null }],
      now: T0 + 10 * HOUR,
    });
    expect(state).toMatchObject({
      status: 'paused',
      dueAt: null,
      warnAt: null,
      elapsedMs: HOUR,
      pausedMs: 9 * HOUR,
      leftMs: 3 * HOUR,
    });
  });

  it('counts overlapping and repeated pauses once', () => {
    const state = slaClock({
      ...base,
      pauses: [
        { from: T0 + HOUR, to: T0 + 2 * HOUR },
        { from: T0 + 90 * MIN, to: T0 + 150 * MIN },
        { from: T0 + 3 * HOUR, to: T0 + 4 * HOUR },
      ],
      now: T0 + 5 * HOUR,
    });
    // Paused 1:00-2:30 and 3:00-4:00: 2.5 h; counted 2.5 h by 5:00.
    expect(state.pausedMs).toBe(150 * MIN);
    expect(state.elapsedMs).toBe(150 * MIN);
    expect(state.dueAt).toBe(T0 + 6.5 * HOUR);
  });

  it('ignores pauses that begin after the stop', () => {
    const state = slaClock({
      ...base,
      pauses: [{ from: T0 + 2 * HOUR, to: null }],
      stopAt: T0 + 2 * HOUR,
      now: T0 + 20 * HOUR,
    });
    expect(state.status).toBe('met');
    expect(state.pausedMs).toBe(0);
    expect(state.dueAt).toBe(T0 + 4 * HOUR);
  });

  it('counts business hours, pauses included, across a weekend', () => {
    // Mon 09:00 Berlin, 16 working hours -> Tue 17:00; a pause Mon 13:00-Tue 10:00
    // takes 4 + 1 working hours, so due Wed 14:00 Berlin (13:00Z).
    const state = slaClock({
      ...base,
      calendar: berlin,
      targetMs: 16 * HOUR,
      pauses: [
        { from: at('2026-01-05T12:00:00Z'), to: at('2026-01-06T09:00:00Z') },
      ],
      now: at('2026-01-06T12:00:00Z'),
    });
    expect(state.dueAt).toBe(at('2026-01-07T13:00:00Z'));
    expect(state.pausedMs).toBe(5 * HOUR);
    expect(state.elapsedMs).toBe(4 * HOUR + 3 * HOUR);
  });

  it('is cancelled when ended without a verdict, breached if it was overdue', () => {
    expect(
      slaClock({
        ...base,
        stopAt: T0 + HOUR,
        cancelled: true,
        now: T0 + 2 * HOUR,
      }).status,
    ).toBe('cancelled');
    expect(
      slaClock({
        ...base,
        stopAt: T0 + 5 * HOUR,
        cancelled: true,
        now: T0 + 6 * HOUR,
      }).status,
    ).toBe('breached');
  });
});

describe('incidentSlaClocks', () => {
  const policy: SlaPolicy = {
    targets: {
      1: { respondMs: 15 * MIN, resolveMs: 4 * HOUR },
      3: { respondMs: 4 * HOUR, resolveMs: 24 * HOUR, calendar: 'office' },
      4: { resolveMs: 40 * HOUR, calendar: 'office' },
    },
    calendars: { office: berlin },
    pausingHoldReasons: ['awaiting_caller', 'awaiting_vendor'],
    warningShare: 0.75,
  };
  const incident = {
    priority: 1 as const,
    detectedAt: T0,
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    cancelled: false,
    pauses: [],
  };

  it('is undefined for a priority without targets', () => {
    expect(
      incidentSlaClocks({
        policy,
        incident: { ...incident, priority: 5 },
        now: T0,
      }),
    ).toBeUndefined();
  });

  it('has no clock for a target the priority lacks', () => {
    const result = incidentSlaClocks({
      policy,
      incident: { ...incident, priority: 4 },
      now: T0,
    })!;
    expect(result.calendar).toBe('office');
    expect(result.clocks.respond).toBeNull();
    expect(result.clocks.resolve?.targetMs).toBe(40 * HOUR);
  });

  it('stops respond at the acknowledgement and resolve at the resolution', () => {
    const result = incidentSlaClocks({
      policy,
      incident: {
        ...incident,
        acknowledgedAt: T0 + 20 * MIN,
        resolvedAt: T0 + 3 * HOUR,
      },
      now: T0 + 10 * HOUR,
    })!;
    expect(result.clocks.respond?.status).toBe('breached');
    expect(result.clocks.resolve?.status).toBe('met');
  });

  it('pauses only on the hold reasons the policy names', () => {
    const result = incidentSlaClocks({
      policy,
      incident: {
        ...incident,
        acknowledgedAt: T0 + 5 * MIN,
        pauses: [
          { from: T0 + HOUR, to: T0 + 2 * HOUR, reason: 'awaiting_caller' },
          {
            from: T0 + 2 * HOUR,
            to: T0 + 3 * HOUR,
            reason: 'awaiting_problem',
          },
        ],
      },
      now: T0 + 3 * HOUR,
    })!;
    expect(result.clocks.resolve).toMatchObject({
      status: 'running',
      dueAt: T0 + 5 * HOUR,
      pausedMs: HOUR,
    });
  });

  it('carries on after a reopen, without the time it was resolved', () => {
    const result = incidentSlaClocks({
      policy,
      incident: {
        ...incident,
        acknowledgedAt: T0 + 5 * MIN,
        pauses: [{ from: T0 + HOUR, to: T0 + 6 * HOUR, reason: 'resolved' }],
      },
      now: T0 + 7 * HOUR,
    })!;
    expect(result.clocks.resolve).toMatchObject({
      status: 'running',
      dueAt: T0 + 9 * HOUR,
      elapsedMs: 2 * HOUR,
    });
  });

  it('re-targets from detection when the priority changes', () => {
    // Detected Mon 09:00 Berlin as P1; raised to P3 (office hours) at 10:00.
    const p3 = incidentSlaClocks({
      policy,
      incident: { ...incident, priority: 3, acknowledgedAt: T0 + 5 * MIN },
      now: T0 + HOUR,
    })!;
    // 24 working hours from Mon 09:00: Mon, Tue, Wed 8 h each -> Wed 17:00 Berlin.
    expect(p3.clocks.resolve?.dueAt).toBe(at('2026-01-07T16:00:00Z'));
    expect(p3.clocks.respond?.status).toBe('met');
  });
});
