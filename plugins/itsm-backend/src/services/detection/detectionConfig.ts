import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';

/** Where the detection settings live in app-config. */
export const DETECTION_CONFIG_KEY = 'itsm.detection';

/** Problem detection settings, validated. */
export interface DetectionConfig {
  enabled: boolean;
  /** How often the task runs. */
  frequency: HumanDuration;
  /** How far back each run looks for incidents not yet linked to a problem. */
  lookbackMs: number;
  /** N or more incidents on one entity and category within a window. */
  repeatedIncidents?: { minIncidents: number; windowMs: number };
  /** Incidents on K or more components that depend on one entity, within a window. */
  sharedDependency?: { minComponents: number; windowMs: number };
  /** N or more incidents that followed changes of one entity within an interval. */
  changeFollowed?: { minIncidents: number; intervalMs: number };
  /** Every P1 or major incident. */
  majorIncidents: boolean;
}

const DEFAULTS = {
  frequency: { minutes: 5 },
  lookback: { days: 30 },
  repeatedIncidents: { minIncidents: 3, window: { days: 14 } },
  sharedDependency: { minComponents: 3, window: { hours: 1 } },
  changeFollowed: { minIncidents: 2, interval: { minutes: 30 } },
};

function fail(key: string, reason: string): never {
  throw new Error(`Invalid config ${DETECTION_CONFIG_KEY}.${key}: ${reason}`);
}

function readDuration(
  config: Config,
  options: { key: string; fallback: HumanDuration },
): HumanDuration {
  const { key, fallback } = options;
  const local = key.split('.').pop()!;
  if (!config.has(local)) {
    return fallback;
  }
  let duration: HumanDuration;
  try {
    duration = readDurationFromConfig(config, { key: local });
  } catch (error) {
    return fail(
      key,
      `must be a duration such as { hours: 1 } or an ISO 8601 duration (${
        (error as Error).message
      })`,
    );
  }
  if (!(durationToMilliseconds(duration) > 0)) {
    fail(key, 'must be longer than zero');
  }
  return duration;
}

function readCount(
  config: Config,
  options: { key: string; fallback: number; min: number },
): number {
  const { key, fallback, min } = options;
  const local = key.split('.').pop()!;
  let value: number | undefined;
  try {
    value = config.getOptionalNumber(local);
  } catch {
    return fail(key, `must be an integer of at least ${min}`);
  }
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < min) {
    fail(key, `must be an integer of at least ${min}`);
  }
  return value;
}

function readBoolean(config: Config, key: string): boolean {
  try {
    return config.getOptionalBoolean(key) ?? false;
  } catch {
    return fail(key, 'must be true or false');
  }
}

function readRule(config: Config, key: string): Config | undefined {
  if (!config.has(key)) {
    return undefined;
  }
  try {
    return config.getConfig(key);
  } catch {
    return fail(key, 'must be an object of rule settings');
  }
}

/**
 * Reads and checks `itsm.detection`; a bad value fails start-up with an
 * error naming the key.
 */
export function readDetectionConfig(rootConfig: Config): DetectionConfig {
  const config = rootConfig.getOptionalConfig(DETECTION_CONFIG_KEY);
  if (!config) {
    return {
      enabled: false,
      frequency: DEFAULTS.frequency,
      lookbackMs: durationToMilliseconds(DEFAULTS.lookback),
      majorIncidents: false,
    };
  }
  const repeated = readRule(config, 'repeatedIncidents');
  const shared = readRule(config, 'sharedDependency');
  const followed = readRule(config, 'changeFollowed');
  const result: DetectionConfig = {
    enabled: readBoolean(config, 'enabled'),
    frequency: readDuration(config, {
      key: 'frequency',
      fallback: DEFAULTS.frequency,
    }),
    lookbackMs: durationToMilliseconds(
      readDuration(config, { key: 'lookback', fallback: DEFAULTS.lookback }),
    ),
    majorIncidents: readBoolean(config, 'majorIncidents'),
  };
  if (repeated) {
    result.repeatedIncidents = {
      minIncidents: readCount(repeated, {
        key: 'repeatedIncidents.minIncidents',
        fallback: DEFAULTS.repeatedIncidents.minIncidents,
        min: 2,
      }),
      windowMs: durationToMilliseconds(
        readDuration(repeated, {
          key: 'repeatedIncidents.window',
          fallback: DEFAULTS.repeatedIncidents.window,
        }),
      ),
    };
  }
  if (shared) {
    result.sharedDependency = {
      minComponents: readCount(shared, {
        key: 'sharedDependency.minComponents',
        fallback: DEFAULTS.sharedDependency.minComponents,
        min: 2,
      }),
      windowMs: durationToMilliseconds(
        readDuration(shared, {
          key: 'sharedDependency.window',
          fallback: DEFAULTS.sharedDependency.window,
        }),
      ),
    };
  }
  if (followed) {
    result.changeFollowed = {
      minIncidents: readCount(followed, {
        key: 'changeFollowed.minIncidents',
        fallback: DEFAULTS.changeFollowed.minIncidents,
        min: 1,
      }),
      intervalMs: durationToMilliseconds(
        readDuration(followed, {
          key: 'changeFollowed.interval',
          fallback: DEFAULTS.changeFollowed.interval,
        }),
      ),
    };
  }
  for (const rule of ['repeatedIncidents', 'sharedDependency'] as const) {
    const windowMs = result[rule]?.windowMs;
    if (windowMs !== undefined && windowMs > result.lookbackMs) {
      fail(`${rule}.window`, 'must not be longer than itsm.detection.lookback');
    }
  }
  return result;
}
