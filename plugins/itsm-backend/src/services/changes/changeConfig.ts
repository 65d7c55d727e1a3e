import { Config } from '@backstage/config';

/** How change events are kept and correlated; read from `itsm.changes`. */
export interface ChangeConfig {
  /** How far before an incident's detection its changes are listed. */
  incidentWindowMs: number;
  /** How soon after a change an incident counts as following it (problem view, detection). */
  followWindowMs: number;
  /** How soon after a deploy an incident makes it a failed deploy (DORA). */
  failureWindowMs: number;
  /** How long change events are kept. */
  retentionMs: number;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function positive(
  config: Config | undefined,
  options: { key: string; fallback: number; max: number },
): number {
  const { key, fallback, max } = options;
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new Error(
      `Invalid configuration: itsm.changes.${key} must be a number above 0 and at most ${max}`,
    );
  }
  return value;
}

/** Reads `itsm.changes`; a bad value stops start-up with the key named. */
export function readChangeConfig(root: Config): ChangeConfig {
  const config = root.getOptionalConfig('itsm.changes');
  return {
    incidentWindowMs:
      positive(config, { key: 'incidentWindowHours', fallback: 24, max: 720 }) *
      HOUR,
    followWindowMs:
      positive(config, {
        key: 'followWindowMinutes',
        fallback: 30,
        max: 10080,
      }) * MINUTE,
    failureWindowMs:
      positive(config, {
        key: 'failureWindowMinutes',
        fallback: 60,
        max: 10080,
      }) * MINUTE,
    retentionMs:
      positive(config, { key: 'retentionDays', fallback: 400, max: 3650 }) *
      DAY,
  };
}
