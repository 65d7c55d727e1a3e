import { ConfigReader } from '@backstage/config';
import { readCollatorSettings } from './readCollatorSettings';

describe('readCollatorSettings', () => {
  it('has defaults for everything', () => {
    expect(readCollatorSettings(new ConfigReader({}))).toEqual({
      schedule: {
        frequency: { minutes: 10 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 30 },
      },
      pageSize: 500,
      basePath: '/itsm',
      incidentWindowDays: 365,
      postmortemsWithinIncidentWindow: false,
    });
  });

  it('reads the schedule and what to index', () => {
    const settings = readCollatorSettings(
      new ConfigReader({
        search: {
          collators: {
            itsm: {
              schedule: { frequency: { minutes: 2 }, timeout: { minutes: 5 } },
              pageSize: 1000,
              incidents: { windowDays: 30 },
            },
          },
        },
      }),
    );
    expect(settings).toMatchObject({
      schedule: { frequency: { minutes: 2 }, timeout: { minutes: 5 } },
      pageSize: 1000,
      incidentWindowDays: 30,
    });
  });

  it.each([
    [{ pageSize: 1001 }, /pageSize must be an integer from 1 to 1000/],
    [{ pageSize: 0 }, /pageSize must be an integer from 1 to 1000/],
    [{ incidents: { windowDays: 1.5 } }, /incidents.windowDays must be/],
  ])('refuses %j', (itsm, message) => {
    expect(() =>
      readCollatorSettings(
        new ConfigReader({ search: { collators: { itsm } } }),
      ),
    ).toThrow(message);
  });
});
