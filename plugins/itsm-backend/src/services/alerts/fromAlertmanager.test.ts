import { alertmanagerWebhookBody } from '@backstage-itsm/plugin-itsm-common';
import { fromAlertmanager } from './fromAlertmanager';

const options = { severityLabel: 'severity', defaultSeverity: 'warning' };

describe('fromAlertmanager', () => {
  it("reads Grafana's webhook with its extra fields", () => {
    const grafana = alertmanagerWebhookBody.parse({
      receiver: 'itsm',
      status: 'firing',
      orgId: 1,
      title: '[FIRING:1] DiskFull',
      state: 'alerting',
      message: 'Disk almost full',
      version: '1',
      alerts: [
        {
          status: 'firing',
          labels: {
            alertname: 'DiskFull',
            service: 'orders-db',
            Severity: 'x',
          },
          annotations: { description: 'Disk at 97%' },
          startsAt: '2026-11-01T09:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://grafana/alerting/grafana/abc/view',
          fingerprint: '3f5e1c2b7a9d0e4f',
          silenceURL: 'http://grafana/alerting/silence/new',
          dashboardURL: 'http://grafana/d/abc',
          panelURL: 'http://grafana/d/abc?viewPanel=2',
          values: { B: 97, C: 1 },
          valueString: "[ var='B' value=97 ]",
        },
      ],
    });
    const [alert] = fromAlertmanager(grafana, options);
    expect(alert).toMatchObject({
      source: 'alertmanager',
      action: 'trigger',
      dedupKey: '3f5e1c2b7a9d0e4f',
      title: 'DiskFull',
      severity: 'warning',
      at: Date.parse('2026-11-01T09:00:00Z'),
    });
    expect(alert.description.split('\n\n')).toEqual([
      'Disk at 97%',
      "Values: [ var='B' value=97 ]",
      'Labels: Severity=x, alertname=DiskFull, service=orders-db',
      'Source: http://grafana/alerting/grafana/abc/view',
      'Dashboard: http://grafana/d/abc',
      'Panel: http://grafana/d/abc?viewPanel=2',
      'Silence: http://grafana/alerting/silence/new',
    ]);
  });

  it('derives a stable fingerprint from the labels when there is none', () => {
    const webhook = (labels: Record<string, string>) =>
      alertmanagerWebhookBody.parse({
        alerts: [
          { status: 'resolved', labels, endsAt: '2026-11-01T10:00:00Z' },
        ],
      });
    const [a] = fromAlertmanager(webhook({ a: '1', b: '2' }), options);
    const [b] = fromAlertmanager(webhook({ b: '2', a: '1' }), options);
    const [c] = fromAlertmanager(webhook({ a: '1', b: '3' }), options);
    expect(a.dedupKey).toMatch(/^[0-9a-f]{16}$/);
    expect(a.dedupKey).toBe(b.dedupKey);
    expect(a.dedupKey).not.toBe(c.dedupKey);
    expect(a).toMatchObject({
      action: 'resolve',
      title: 'Alert',
      at: Date.parse('2026-11-01T10:00:00Z'),
    });
  });

  it('keeps long titles within the incident limit', () => {
    const [alert] = fromAlertmanager(
      alertmanagerWebhookBody.parse({
        alerts: [
          {
            status: 'firing',
            labels: { alertname: 'Long', severity: 'CRITICAL' },
            annotations: { summary: 'x'.repeat(500) },
          },
        ],
      }),
      options,
    );
    expect(alert.title).toHaveLength(200);
    expect(alert.severity).toBe('critical');
  });
});
