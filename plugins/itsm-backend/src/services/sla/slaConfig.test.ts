import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readSlaPolicy } from './slaConfig';

const NOW = Date.parse('2026-11-01T00:00:00Z');

function read(sla: JsonObject | undefined) {
  return readSlaPolicy(
    new ConfigReader(sla === undefined ? {} : { itsm: { sla } }),
    NOW,
  );
}

const office = {
  timeZone: 'Europe/Berlin',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hours: { start: '09:00', end: '17:30' },
  holidays: ['2026-12-25'],
};

describe('readSlaPolicy', () => {
  it('has no policy without itsm.sla', () => {
    expect(read(undefined)).toBeUndefined();
  });

  it('reads targets, calendars, pausing hold reasons and the warning share', () => {
    expect(
      read({
        warningShare: 0.8,
        pauseOnHoldReasons: ['awaiting_vendor'],
        calendars: { office },
        targets: {
          P1: { respond: 'PT15M', resolve: { hours: 4 } },
          P3: { resolve: 'PT16H', calendar: 'office' },
        },
      }),
    ).toEqual({
      warningShare: 0.8,
      pausingHoldReasons: ['awaiting_vendor'],
      calendars: {
        office: {
          timeZone: 'Europe/Berlin',
          workingDays: [1, 2, 3, 4, 5],
          startMinute: 540,
          endMinute: 1050,
          holidays: ['2026-12-25'],
        },
      },
      targets: {
        1: { respondMs: 900_000, resolveMs: 14_400_000, calendar: undefined },
        3: { respondMs: undefined, resolveMs: 57_600_000, calendar: 'office' },
      },
    });
  });

  it('defaults to pausing on the caller and the vendor, warning at 75%, 24x7', () => {
    const policy = read({ targets: { P2: { respond: 'PT30M' } } });
    expect(policy).toMatchObject({
      warningShare: 0.75,
      pausingHoldReasons: ['awaiting_caller', 'awaiting_vendor'],
      calendars: {},
    });
    expect(policy?.targets[2]?.calendar).toBeUndefined();
  });

  it.each([
    [{}, 'itsm.sla.targets: name the targets'],
    [{ targets: { P0: { respond: 'PT1M' } } }, 'itsm.sla.targets.P0:'],
    [{ targets: { P1: {} } }, 'itsm.sla.targets.P1: needs respond'],
    [{ targets: { P1: { respond: 'soon' } } }, 'itsm.sla.targets.P1.respond:'],
    [
      { targets: { P1: { resolve: 'PT0M' } } },
      'itsm.sla.targets.P1.resolve: must be longer',
    ],
    [
      { targets: { P1: { resolve: 'PT1H', calendar: 'night' } } },
      "itsm.sla.targets.P1.calendar: no calendar 'night'",
    ],
    [
      {
        calendars: { office: { ...office, timeZone: 'Mars/Olympus' } },
        targets: { P1: { resolve: 'PT1H' } },
      },
      "itsm.sla.calendars.office.timeZone: unknown time zone 'Mars/Olympus'",
    ],
    [
      {
        calendars: { office: { ...office, workingDays: ['someday'] } },
        targets: { P1: { resolve: 'PT1H' } },
      },
      'itsm.sla.calendars.office.workingDays:',
    ],
    [
      {
        calendars: {
          office: { ...office, hours: { start: '9am', end: '17:00' } },
        },
        targets: { P1: { resolve: 'PT1H' } },
      },
      'itsm.sla.calendars.office.hours.start:',
    ],
    [
      {
        calendars: {
          office: { ...office, hours: { start: '17:00', end: '09:00' } },
        },
        targets: { P1: { resolve: 'PT1H' } },
      },
      'itsm.sla.calendars.office.hours: end must be later',
    ],
    [
      {
        calendars: { office: { ...office, holidays: ['25/12/2026'] } },
        targets: { P1: { resolve: 'PT1H' } },
      },
      'itsm.sla.calendars.office.holidays:',
    ],
    [
      {
        calendars: { office: { ...office, workingDays: [] } },
        targets: { P1: { resolve: 'PT1H' } },
      },
      'itsm.sla.calendars.office: yields no working time',
    ],
    [
      { pauseOnHoldReasons: ['lunch'], targets: { P1: { resolve: 'PT1H' } } },
      'itsm.sla.pauseOnHoldReasons:',
    ],
    [
      { warningShare: 1.5, targets: { P1: { resolve: 'PT1H' } } },
      'itsm.sla.warningShare:',
    ],
  ] as Array<[JsonObject, string]>)(
    'rejects %j naming the key',
    (sla, message) => {
      expect(() => read(sla)).toThrow(`Invalid config ${message}`);
    },
  );

  it('rejects a calendar whose every working day is a holiday', () => {
    const saturday = { ...office, workingDays: ['sat'] };
    const holidays: string[] = [];
    for (let day = 0; day < 400; day++) {
      const date = new Date(NOW + day * 86_400_000);
      if (date.getUTCDay() === 6)
        holidays.push(date.toISOString().slice(0, 10));
    }
    expect(() =>
      read({
        calendars: { weekend: { ...saturday, holidays } },
        targets: { P1: { resolve: 'PT1H' } },
      }),
    ).toThrow(
      'Invalid config itsm.sla.calendars.weekend: yields no working time',
    );
  });
});
