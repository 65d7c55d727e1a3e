import { Config } from '@backstage/config';
import {
  INCIDENT_RESOLUTION_CODES,
  IncidentResolutionCode,
  Impact,
  LIMITS,
  Urgency,
} from '@backstage-itsm/plugin-itsm-common';

// A known error or a duplicate names the record it refers to, which a
// resolving alert cannot give.
const ALERT_RESOLUTION_CODES = INCIDENT_RESOLUTION_CODES.filter(
  code => code !== 'known_error' && code !== 'duplicate',
);

/** Impact and urgency an alert severity maps to. */
export interface SeverityLevels {
  impact: Impact;
  urgency: Urgency;
}

/** How alerts become incidents; read from `itsm.alerts`. */
export interface AlertConfig {
  /** Resolve the incident when its alert resolves. */
  autoResolve: boolean;
  /** Resolution code of auto-resolved incidents. */
  resolutionCode: IncidentResolutionCode;
  /** Category of incidents opened by alerts. */
  category: string;
  /** Alertmanager label holding the severity. */
  severityLabel: string;
  /** Severity assumed when an alert has none or an unknown one. */
  defaultSeverity: string;
  /** Lower-case severity to impact and urgency. */
  severities: Record<string, SeverityLevels>;
  routing: {
    /** Labels holding an entity ref or name, tried in order. */
    entityLabels: string[];
    /** Kind of a bare entity name in a label. */
    defaultKind: string;
    /** Match alerts against `itsm.backstage.io/alert-selector` annotations. */
    selectorAnnotation: boolean;
    /** How long catalog answers are reused. */
    cacheMillis: number;
  };
  /** How long raw deliveries are kept for audit. */
  deliveryRetentionMillis: number;
}

/** Catalog annotation listing the alert labels an entity owns: `service=checkout-api,env=prod`. */
export const ALERT_SELECTOR_ANNOTATION = 'itsm.backstage.io/alert-selector';

/** Severities of the PagerDuty Events API and their defaults. */
export const DEFAULT_SEVERITIES: Readonly<Record<string, SeverityLevels>> = {
  critical: { impact: 1, urgency: 1 },
  error: { impact: 2, urgency: 1 },
  warning: { impact: 2, urgency: 2 },
  info: { impact: 3, urgency: 3 },
};

const DAY = 24 * 60 * 60 * 1000;

function fail(key: string, reason: string): never {
  throw new Error(`Invalid configuration: itsm.alerts.${key} ${reason}`);
}

function level(
  config: Config,
  options: { severity: string; key: 'impact' | 'urgency' },
): 1 | 2 | 3 {
  const { severity, key } = options;
  const value = config.getOptional(key);
  if (value !== 1 && value !== 2 && value !== 3) {
    return fail(`severities.${severity}.${key}`, 'must be 1, 2 or 3');
  }
  return value;
}

function readSeverities(config: Config | undefined) {
  // Without a prototype, so that a key such as `constructor` is no severity.
  const severities: Record<string, SeverityLevels> = Object.assign(
    Object.create(null),
    DEFAULT_SEVERITIES,
  );
  for (const name of config?.keys() ?? []) {
    const entry = config!.getOptionalConfig(name);
    if (!entry) {
      return fail(`severities.${name}`, 'must be { impact, urgency }');
    }
    const impact = level(entry, { severity: name, key: 'impact' });
    const urgency = level(entry, { severity: name, key: 'urgency' });
    severities[name.toLocaleLowerCase('en-US')] = { impact, urgency };
  }
  return severities;
}

function positive(
  config: Config,
  options: { key: string; fallback: number },
): number {
  const { key, fallback } = options;
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value <= 0) {
    return fail(key, 'must be a positive number');
  }
  return value;
}

function nonEmptyText(
  value: string,
  options: { key: string; max: number },
): string {
  const { key, max } = options;
  if (value.trim() === '' || value.length > max) {
    return fail(key, `must be non-empty text of at most ${max} characters`);
  }
  return value;
}

/**
 * Reads `itsm.alerts`; a bad value stops start-up with the key named, such as
 * `itsm.alerts.severities.page.impact must be 1, 2 or 3`.
 */
export function readAlertConfig(root: Config): AlertConfig {
  const config = root.getOptionalConfig('itsm.alerts');
  const get = <T>(read: (c: Config) => T | undefined, fallback: T): T =>
    (config && read(config)) ?? fallback;

  const severities = readSeverities(config?.getOptionalConfig('severities'));
  const defaultSeverity = get(
    c => c.getOptionalString('defaultSeverity'),
    'warning',
  ).toLocaleLowerCase('en-US');
  if (!Object.hasOwn(severities, defaultSeverity)) {
    fail(
      'defaultSeverity',
      `must be one of the severities: ${Object.keys(severities).join(', ')}`,
    );
  }
  const resolutionCode = get(
    c => c.getOptionalString('resolutionCode'),
    'resolved_by_caller',
  );
  if (!(ALERT_RESOLUTION_CODES as readonly string[]).includes(resolutionCode)) {
    fail(
      'resolutionCode',
      `must be one of ${ALERT_RESOLUTION_CODES.join(', ')}`,
    );
  }
  const entityLabels = get(
    c => c.getOptionalStringArray('routing.entityLabels'),
    ['itsm_entity', 'component', 'service'],
  );
  entityLabels.forEach((label, i) =>
    nonEmptyText(label, { key: `routing.entityLabels[${i}]`, max: 100 }),
  );
  return {
    autoResolve: get(c => c.getOptionalBoolean('autoResolve'), false),
    resolutionCode: resolutionCode as IncidentResolutionCode,
    category: nonEmptyText(
      get(c => c.getOptionalString('category'), 'availability'),
      { key: 'category', max: LIMITS.category },
    ),
    severityLabel: nonEmptyText(
      get(c => c.getOptionalString('severityLabel'), 'severity'),
      { key: 'severityLabel', max: 100 },
    ),
    defaultSeverity,
    severities,
    routing: {
      entityLabels,
      defaultKind: nonEmptyText(
        get(c => c.getOptionalString('routing.defaultKind'), 'component'),
        { key: 'routing.defaultKind', max: 100 },
      ).toLocaleLowerCase('en-US'),
      selectorAnnotation: get(
        c => c.getOptionalBoolean('routing.selectorAnnotation'),
        true,
      ),
      cacheMillis:
        (config
          ? positive(config, { key: 'routing.cacheSeconds', fallback: 60 })
          : 60) * 1000,
    },
    deliveryRetentionMillis:
      (config
        ? positive(config, { key: 'deliveryRetentionDays', fallback: 30 })
        : 30) * DAY,
  };
}

/**
 * Impact and urgency of a severity, falling back to the default severity.
 * Severities come from senders, so only configured keys count: never
 * `__proto__` or `constructor` of the object.
 */
export function levelsOf(config: AlertConfig, severity: string) {
  const known = Object.hasOwn(config.severities, severity)
    ? severity
    : config.defaultSeverity;
  return config.severities[known];
}
