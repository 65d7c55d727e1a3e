import { ConfigReader } from '@backstage/config';
import { levelsOf, readAlertConfig } from './alertConfig';

const read = (alerts: object) =>
  readAlertConfig(new ConfigReader({ itsm: { alerts } }));

describe('readAlertConfig', () => {
  it('has documented defaults', () => {
    expect(readAlertConfig(new ConfigReader({}))).toEqual({
      autoResolve: false,
      resolutionCode: 'resolved_by_caller',
      category: 'availability',
      severityLabel: 'severity',
      defaultSeverity: 'warning',
      severities: {
        critical: { impact: 1, urgency: 1 },
        error: { impact: 2, urgency: 1 },
        warning: { impact: 2, urgency: 2 },
        info: { impact: 3, urgency: 3 },
      },
      routing: {
        entityLabels: ['itsm_entity', 'component', 'service'],
        defaultKind: 'component',
        selectorAnnotation: true,
        cacheMillis: 60_000,
      },
      deliveryRetentionMillis: 30 * 24 * 60 * 60 * 1000,
    });
  });

  it('adds and overrides severities, case-insensitively', () => {
    const config = read({
      severities: {
        Page: { impact: 1, urgency: 1 },
        info: { impact: 3, urgency: 2 },
      },
      defaultSeverity: 'PAGE',
    });
    expect(config.severities.page).toEqual({ impact: 1, urgency: 1 });
    expect(config.severities.info).toEqual({ impact: 3, urgency: 2 });
    expect(config.defaultSeverity).toBe('page');
  });

  it.each([
    [
      { severities: { page: { impact: 4, urgency: 1 } } },
      'itsm.alerts.severities.page.impact must be 1, 2 or 3',
    ],
    [{ severities: { page: 'high' } }, "key 'itsm.alerts.severities.page'"],
    [
      { defaultSeverity: 'sev1' },
      'itsm.alerts.defaultSeverity must be one of the severities: critical, error, warning, info',
    ],
    [
      { resolutionCode: 'known_error' },
      'itsm.alerts.resolutionCode must be one of workaround, permanent_fix, not_reproducible, resolved_by_caller',
    ],
    [
      { resolutionCode: 'duplicate' },
      'itsm.alerts.resolutionCode must be one of workaround, permanent_fix, not_reproducible, resolved_by_caller',
    ],
    [
      { deliveryRetentionDays: 0 },
      'itsm.alerts.deliveryRetentionDays must be a positive number',
    ],
    [
      { routing: { cacheSeconds: -1 } },
      'itsm.alerts.routing.cacheSeconds must be a positive number',
    ],
    [
      { routing: { entityLabels: ['service', ' '] } },
      'itsm.alerts.routing.entityLabels[1] must be non-empty text',
    ],
    [{ category: '' }, "key 'itsm.alerts.category'"],
    [{ autoResolve: 42 }, "key 'itsm.alerts.autoResolve'"],
  ])('stops start-up naming the key: %j', (alerts, message) => {
    expect(() => read(alerts)).toThrow(message);
  });
});

describe('levelsOf', () => {
  const config = read({ defaultSeverity: 'info' });

  it('maps a configured severity', () => {
    expect(levelsOf(config, 'critical')).toEqual({ impact: 1, urgency: 1 });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'page'])(
    'falls back to the default severity for %p',
    severity => {
      expect(levelsOf(config, severity)).toEqual({ impact: 3, urgency: 3 });
    },
  );

  it('refuses an object key as the default severity', () => {
    expect(() => read({ defaultSeverity: 'constructor' })).toThrow(
      'itsm.alerts.defaultSeverity must be one of the severities',
    );
  });
});
