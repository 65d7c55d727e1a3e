import {
  BusinessCalendar,
  addBusinessTime,
  businessTimeBetween,
  hasWorkingTime,
} from './businessCalendar';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  holidays: ['2026-12-25', '2026-12-28'],
};

describe('businessTimeBetween', () => {
  it('counts wall time without a calendar', () => {
    expect(
      businessTimeBetween({
        from: at('2026-01-01T00:00:00Z'),
        to: at('2026-01-02T06:00:00Z'),
      }),
    ).toBe(30 * HOUR);
  });

  it('counts only working hours in the time zone (CET is UTC+1)', () => {
    // Mon 2026-01-05 10:00 to Tue 11:00 Berlin: 7 h + 2 h.
    expect(
      businessTimeBetween({
        calendar: berlin,
        from: at('2026-01-05T09:00:00Z'),
        to: at('2026-01-06T10:00:00Z'),
      }),
    ).toBe(9 * HOUR);
  });

  it('skips weekends', () => {
    // Fri 16:00 to Mon 10:00 Berlin: 1 h + 1 h.
    expect(
      businessTimeBetween({
        calendar: berlin,
        from: at('2026-01-09T15:00:00Z'),
        to: at('2026-01-12T09:00:00Z'),
      }),
    ).toBe(2 * HOUR);
  });

  it('skips holidays', () => {
    // Thu 24 Dec 16:00 to Tue 29 Dec 10:00: 1 h (24th) + 1 h (29th); 25th and 28th are holidays.
    expect(
      businessTimeBetween({
        calendar: berlin,
        from: at('2026-12-24T15:00:00Z'),
        to: at('2026-12-29T09:00:00Z'),
      }),
    ).toBe(2 * HOUR);
  });

  it('is zero for an empty or reversed span', () => {
    const t = at('2026-01-05T10:00:00Z');
    expect(businessTimeBetween({ calendar: berlin, from: t, to: t })).toBe(0);
    expect(businessTimeBetween({ from: t, to: t - HOUR })).toBe(0);
  });

  it('follows the switch to summer time (working hours stay 9-17 local)', () => {
    // Fri 27 Mar 2026 is CET (UTC+1), Mon 30 Mar is CEST (UTC+2).
    expect(
      businessTimeBetween({
        calendar: berlin,
        from: at('2026-03-27T15:00:00Z'), // 16:00 CET
        to: at('2026-03-30T08:00:00Z'), // 10:00 CEST
      }),
    ).toBe(2 * HOUR);
  });

  it('counts a 24-hour calendar across the night the clocks go back as 25 hours', () => {
    const allDay: BusinessCalendar = {
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      startMinute: 0,
      endMinute: 1440,
      holidays: [],
    };
    // Sun 25 Oct 2026 has 25 hours in Berlin.
    expect(
      businessTimeBetween({
        calendar: allDay,
        from: at('2026-10-24T22:00:00Z'),
        to: at('2026-10-25T23:00:00Z'),
      }),
    ).toBe(25 * HOUR);
  });

  it('handles a zone west of UTC whose working day crosses UTC midnight', () => {
    const newYork: BusinessCalendar = {
      timeZone: 'America/New_York',
      workingDays: [1, 2, 3, 4, 5],
      startMinute: 17 * 60,
      endMinute: 22 * 60,
      holidays: [],
    };
    // Mon 5 Jan 17:00-22:00 EST is 22:00-03:00 UTC.
    expect(
      businessTimeBetween({
        calendar: newYork,
        from: at('2026-01-05T12:00:00Z'),
        to: at('2026-01-06T12:00:00Z'),
      }),
    ).toBe(5 * HOUR);
  });
});

describe('addBusinessTime', () => {
  it('adds wall time without a calendar', () => {
    expect(addBusinessTime({ from: 1000, amount: HOUR })).toBe(1000 + HOUR);
  });

  it('carries over the night and the weekend', () => {
    // Fri 9 Jan 15:00 Berlin + 4 h: 2 h Friday, 2 h Monday -> Mon 11:00 (10:00Z).
    expect(
      addBusinessTime({
        calendar: berlin,
        from: at('2026-01-09T14:00:00Z'),
        amount: 4 * HOUR,
      }),
    ).toBe(at('2026-01-12T10:00:00Z'));
  });

  it('starts at the next opening when begun outside working hours', () => {
    // Sat + 1 h -> Mon 10:00 Berlin.
    expect(
      addBusinessTime({
        calendar: berlin,
        from: at('2026-01-10T12:00:00Z'),
        amount: HOUR,
      }),
    ).toBe(at('2026-01-12T09:00:00Z'));
  });

  it('jumps holidays', () => {
    // Thu 24 Dec 16:00 + 3 h: 1 h on the 24th, 28th is a holiday, Tue 29th 11:00.
    expect(
      addBusinessTime({
        calendar: berlin,
        from: at('2026-12-24T15:00:00Z'),
        amount: 3 * HOUR,
      }),
    ).toBe(at('2026-12-29T10:00:00Z'));
  });

  it('lands in summer time after the switch', () => {
    // Fri 27 Mar 16:00 CET + 2 h -> Mon 30 Mar 10:00 CEST = 08:00Z.
    expect(
      addBusinessTime({
        calendar: berlin,
        from: at('2026-03-27T15:00:00Z'),
        amount: 2 * HOUR,
      }),
    ).toBe(at('2026-03-30T08:00:00Z'));
  });

  it('is the inverse of businessTimeBetween', () => {
    const from = at('2026-02-03T07:13:00Z');
    for (const hours of [1, 5, 8, 13, 40, 100]) {
      const to = addBusinessTime({
        calendar: berlin,
        from,
        amount: hours * HOUR,
      })!;
      expect(businessTimeBetween({ calendar: berlin, from, to })).toBe(
        hours * HOUR,
      );
    }
  });

  it('gives up on a calendar without working time', () => {
    expect(
      addBusinessTime({
        calendar: { ...berlin, workingDays: [] },
        from: 0,
        amount: HOUR,
      }),
    ).toBeUndefined();
  });
});

describe('hasWorkingTime', () => {
  it('rejects calendars without working time', () => {
    const from = at('2026-01-01T00:00:00Z');
    expect(hasWorkingTime(berlin, from)).toBe(true);
    expect(hasWorkingTime({ ...berlin, workingDays: [] }, from)).toBe(false);
    expect(hasWorkingTime({ ...berlin, endMinute: 9 * 60 }, from)).toBe(false);
    expect(
      hasWorkingTime({ ...berlin, workingDays: [6], holidays: [] }, from),
    ).toBe(true);
  });
});
