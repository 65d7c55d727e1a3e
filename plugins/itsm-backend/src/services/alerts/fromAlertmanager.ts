import { createHash } from 'crypto';
import { z } from 'zod';
import { alertmanagerWebhookBody } from '@backstage-itsm/plugin-itsm-common';
import {
  IncomingAlert,
  alertDescription,
  alertSeverity,
  alertTitle,
  describeLabels,
  parseAlertTime,
} from './incomingAlert';

type Webhook = z.infer<typeof alertmanagerWebhookBody>;

/**
 * Alertmanager's fingerprint is a hash of the label set; Grafana versions
 * without one get the same treatment here, so repeats still deduplicate.
 */
function fingerprintOf(labels: Record<string, string>): string {
  const canonical = Object.keys(labels)
    .sort()
    .map(key => `${key}\u0000${labels[key]}`)
    .join('\u0001');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** The alerts of an Alertmanager or Grafana webhook delivery. */
export function fromAlertmanager(
  webhook: Webhook,
  options: { severityLabel: string; defaultSeverity: string },
): IncomingAlert[] {
  return webhook.alerts.map(alert => {
    const labels = alert.labels;
    const annotations = alert.annotations ?? {};
    const name = labels.alertname ?? 'Alert';
    const summary = annotations.summary ?? annotations.title;
    const resolved = alert.status === 'resolved';
    return {
      source: 'alertmanager',
      action: resolved ? 'resolve' : 'trigger',
      dedupKey: alert.fingerprint ?? fingerprintOf(labels),
      title: alertTitle(summary ? `${name}: ${summary}` : name),
      description: alertDescription([
        annotations.description ?? annotations.message ?? summary,
        alert.valueString && `Values: ${alert.valueString}`,
        `Labels: ${describeLabels(labels)}`,
        alert.generatorURL && `Source: ${alert.generatorURL}`,
        alert.dashboardURL && `Dashboard: ${alert.dashboardURL}`,
        alert.panelURL && `Panel: ${alert.panelURL}`,
        alert.silenceURL && `Silence: ${alert.silenceURL}`,
      ]),
      severity: alertSeverity(
        labels[options.severityLabel] ?? options.defaultSeverity,
      ),
      labels,
      at: parseAlertTime(resolved ? alert.endsAt : alert.startsAt),
    };
  });
}
