import { ConfigReader } from '@backstage/config';
import { NOTIFICATION_KINDS } from './notificationKinds';
import { readNotificationConfig } from './notificationConfig';

function read(notifications: unknown, extra: object = {}) {
  return readNotificationConfig(
    new ConfigReader({ itsm: { notifications, ...extra } } as any),
  );
}

describe('readNotificationConfig', () => {
  it('sends every kind with a 30 minute cadence by default', () => {
    const config = readNotificationConfig(new ConfigReader({}));
    expect(config).toEqual({
      enabled: true,
      kinds: new Set(NOTIFICATION_KINDS),
      cadenceMs: 30 * 60_000,
      dependencyDepth: 3,
    });
  });

  it('reads the kinds, the cadence as a duration or ISO string, and the depth', () => {
    expect(
      read(
        {
          enabled: false,
          kinds: ['incident-opened'],
          cadence: { minutes: 15 },
        },
        { dependencyDepth: 5 },
      ),
    ).toEqual({
      enabled: false,
      kinds: new Set(['incident-opened']),
      cadenceMs: 15 * 60_000,
      dependencyDepth: 5,
    });
    expect(read({ cadence: 'PT1H' }).cadenceMs).toBe(60 * 60_000);
  });

  it.each([
    [
      { kinds: ['incident-opened', 'pager'] },
      /itsm\.notifications\.kinds: unknown kind pager/,
    ],
    [
      { kinds: 'incident-opened' },
      /itsm\.notifications\.kinds: must be a list/,
    ],
    [{ cadence: 'soon' }, /itsm\.notifications\.cadence: must be a duration/],
    [
      { cadence: { seconds: 10 } },
      /itsm\.notifications\.cadence: must be at least one minute/,
    ],
    [
      { enabled: 'sometimes' },
      /itsm\.notifications\.enabled: must be true or false/,
    ],
  ])('fails start-up naming the key for %j', (notifications, message) => {
    expect(() => read(notifications)).toThrow(message);
  });

  it('fails start-up on a bad dependency depth', () => {
    expect(() => read({}, { dependencyDepth: 0 })).toThrow(
      /itsm\.dependencyDepth/,
    );
  });
});
