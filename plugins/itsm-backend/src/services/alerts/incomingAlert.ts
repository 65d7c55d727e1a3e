import { AlertSource, LIMITS } from '@backstage-itsm/plugin-itsm-common';

/** What an alert asks of ingestion, whatever format it came in. */
export type AlertAction = 'trigger' | 'acknowledge' | 'resolve';

/** One alert of a delivery, in the form ingestion works on. */
export interface IncomingAlert {
  source: AlertSource;
  action: AlertAction;
  /** Alertmanager fingerprint or PagerDuty `dedup_key`. */
  dedupKey: string;
  title: string;
  description: string;
  /** Lower case, such as `critical`. */
  severity: string;
  /** What routing matches: Alertmanager labels, or an event's fields and details. */
  labels: Record<string, string>;
  /** When the alert started or ended, as the sender says; epoch ms. */
  at?: number;
}

/** Cuts text to a limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The widest severity stored: its column holds 255 characters. */
const SEVERITY_MAX = 255;

/** A sender's severity in lower case, cut to fit its column. */
export function alertSeverity(text: string): string {
  return clip(text.toLocaleLowerCase('en-US'), SEVERITY_MAX);
}

/** A title of at most the incident title limit. */
export function alertTitle(text: string): string {
  return clip(text.replace(/\s+/g, ' ').trim(), LIMITS.title);
}

/** A description of at most the incident description limit. */
export function alertDescription(lines: (string | undefined)[]): string {
  return clip(
    lines.filter(line => line && line.trim() !== '').join('\n\n'),
    LIMITS.description,
  );
}

/** `key=value` pairs, sorted, for descriptions. */
export function describeLabels(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map(key => `${key}=${labels[key]}`)
    .join(', ');
}

/** Epoch ms of a sender's time; Alertmanager's zero time and junk count as absent. */
export function parseAlertTime(value: string | undefined): number | undefined {
  if (!value) {
    return undefined;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) || ms <= 0 ? undefined : ms;
}
