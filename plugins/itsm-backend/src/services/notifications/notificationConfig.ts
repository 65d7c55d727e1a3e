import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { readDependencyDepth } from '../../shared/dependencyDepth';
import { NOTIFICATION_KINDS, NotificationKind } from './notificationKinds';

/** Where the notification settings live in app-config. */
export const NOTIFICATIONS_CONFIG_KEY = 'itsm.notifications';

/** Notification settings, validated. */
export interface NotificationConfig {
  enabled: boolean;
  kinds: ReadonlySet<NotificationKind>;
  /** How long a P1 may go without a public update before its assignee is reminded. */
  cadenceMs: number;
  /** The `dependsOn` depth followed to find the dependents of a P1/P2. */
  dependencyDepth: number;
}

function fail(key: string, reason: string): never {
  throw new Error(
    `Invalid config ${NOTIFICATIONS_CONFIG_KEY}.${key}: ${reason}`,
  );
}

function readKinds(config: Config | undefined): Set<NotificationKind> {
  if (!config?.has('kinds')) {
    return new Set(NOTIFICATION_KINDS);
  }
  let kinds: string[];
  try {
    kinds = config.getStringArray('kinds');
  } catch {
    return fail('kinds', 'must be a list of notification kinds');
  }
  const unknown = kinds.filter(
    kind => !(NOTIFICATION_KINDS as readonly string[]).includes(kind),
  );
  if (unknown.length > 0) {
    fail(
      'kinds',
      `unknown kind ${unknown.join(', ')}; use ${NOTIFICATION_KINDS.join(
        ', ',
      )}`,
    );
  }
  return new Set(kinds as NotificationKind[]);
}

function readCadence(config: Config | undefined): number {
  if (!config?.has('cadence')) {
    return 30 * 60_000;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(
      readDurationFromConfig(config, { key: 'cadence' }),
    );
  } catch (error) {
    return fail(
      'cadence',
      `must be a duration such as { minutes: 30 } or an ISO 8601 duration (${
        (error as Error).message
      })`,
    );
  }
  if (!(ms >= 60_000)) {
    fail('cadence', 'must be at least one minute');
  }
  return ms;
}

/** Reads `itsm.notifications`; a bad value fails start-up naming its key. */
export function readNotificationConfig(root: Config): NotificationConfig {
  const config = root.getOptionalConfig(NOTIFICATIONS_CONFIG_KEY);
  let enabled: boolean;
  try {
    enabled = config?.getOptionalBoolean('enabled') ?? true;
  } catch {
    return fail('enabled', 'must be true or false');
  }
  return {
    enabled,
    kinds: readKinds(config),
    cadenceMs: readCadence(config),
    dependencyDepth: readDependencyDepth(root),
  };
}
