import { AuditorServiceEventSeverityLevel } from '@backstage/backend-plugin-api';

/**
 * Every auditor event the ITSM API emits, with its severity. Alert ingestion
 * is machine traffic (`low`); edits of records are `medium`; what changes who
 * sees or owns a record, or turns an unrouted alert into an incident, is `high`.
 */
export const ITSM_AUDIT_EVENTS = {
  'incident-create': 'medium',
  'incident-update': 'medium',
  'incident-transition': 'medium',
  'incident-note': 'medium',
  'incident-known-error-confirm': 'medium',
  'incident-follow': 'low',
  'incident-unfollow': 'low',
  'incident-major-declare': 'high',
  'incident-affected-entities': 'medium',
  'postmortem-save': 'medium',
  'postmortem-status': 'medium',
  'problem-create': 'medium',
  'problem-from-incident': 'medium',
  'problem-update': 'medium',
  'problem-transition': 'medium',
  'problem-note': 'medium',
  'problem-follow': 'low',
  'problem-unfollow': 'low',
  'problem-incident-link': 'medium',
  'problem-incident-unlink': 'medium',
  'known-error-publish': 'high',
  'action-item-create': 'medium',
  'action-item-update': 'medium',
  'entity-follow': 'low',
  'entity-unfollow': 'low',
  'alert-ingest-alertmanager': 'low',
  'alert-ingest-events-v2': 'low',
  'change-ingest': 'low',
  'change-ingest-pagerduty': 'low',
  'unrouted-alert-assign': 'high',
  'unrouted-alert-dismiss': 'high',
} as const satisfies Record<string, AuditorServiceEventSeverityLevel>;

/** The id of one of the ITSM API's auditor events. */
export type ItsmAuditEventId = keyof typeof ITSM_AUDIT_EVENTS;
