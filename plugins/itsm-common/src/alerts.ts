import { Impact, Incident, Urgency } from './types';

/**
 * Alert channels: Alertmanager (and Grafana) webhooks, PagerDuty Events API v2.
 *
 * @public
 */
export const ALERT_SOURCES = ['alertmanager', 'events-v2'] as const;
/**
 * Channel an alert arrived through; also the `source` of the incidents it opens.
 *
 * @public
 */
export type AlertSource = (typeof ALERT_SOURCES)[number];

/**
 * States of an alert in the unrouted inbox.
 *
 * @public
 */
export const UNROUTED_ALERT_STATUSES = [
  'pending',
  'assigned',
  'dismissed',
] as const;
/**
 * `pending` until someone assigns it to an entity, which opens an incident,
 * or dismisses it with a reason.
 *
 * @public
 */
export type UnroutedAlertStatus = (typeof UNROUTED_ALERT_STATUSES)[number];

/**
 * An alert that matched no catalog entity, kept until someone assigns it.
 *
 * @public
 */
export interface UnroutedAlert {
  id: string;
  source: AlertSource;
  /** Alertmanager fingerprint or PagerDuty `dedup_key`. */
  dedupKey: string;
  title: string;
  description: string;
  /** Severity as sent, lower case, such as `critical`. */
  severity: string;
  /** Impact and urgency the severity maps to. */
  impact: Impact;
  urgency: Urgency;
  /** Alert labels (for PagerDuty events: component, group, class, source and custom details). */
  labels: Record<string, string>;
  status: UnroutedAlertStatus;
  /** Deliveries of the alert while it waited. */
  occurrenceCount: number;
  /** When the alert started firing, as the sender says; null when it did not say. */
  startedAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /** When the alert stopped firing; null while it fires. */
  endedAt: string | null;
  /** The incident opened by assigning it. */
  incidentId: string | null;
  assignedBy: string | null;
  assignedAt: string | null;
  /** Who dismissed it, when and why; null unless dismissed. */
  dismissedBy: string | null;
  dismissedAt: string | null;
  dismissReason: string | null;
  /** Who sent it, such as `service:external:alertmanager`. */
  reporterRef: string;
}

/**
 * How many alerts of the unrouted inbox are in a status.
 *
 * @public
 */
export interface UnroutedAlertCount {
  count: number;
}

/**
 * What assigning an unrouted alert answers: the alert and the incident it opened.
 *
 * @public
 */
export interface UnroutedAlertAssignment {
  alert: UnroutedAlert;
  incident: Incident;
}

/**
 * What the Alertmanager endpoint answers once a delivery is committed.
 *
 * @public
 */
export interface AlertIngestResult {
  /** Alerts that opened an incident. */
  opened: number;
  /** Alerts that added an occurrence to an open incident. */
  repeated: number;
  /** Acknowledgements recorded on an open incident. */
  acknowledged: number;
  /** Alerts whose end was recorded (and incident resolved, when configured). */
  resolved: number;
  /** Alerts that went to, or stayed in, the unrouted inbox. */
  unrouted: number;
  /** Resolves and acknowledgements with nothing open to record them on. */
  ignored: number;
}

/**
 * What the PagerDuty Events API v2 compatible endpoint answers, as PagerDuty does.
 *
 * @public
 */
export interface EventsV2Response {
  status: 'success';
  message: 'Event processed';
  dedup_key: string;
}
