/**
 * Every kind of notice the plugin sends; each is also the notification's
 * `topic`, so people mute kinds in their notification settings.
 */
export const NOTIFICATION_KINDS = [
  'incident-opened',
  'incident-dependents',
  'incident-assigned',
  'incident-update',
  'incident-resolved',
  'incident-cadence',
  'incident-sla-warning',
  'incident-sla-breached',
  'incident-major-declared',
  'incident-role-assigned',
  'problem-known-error',
  'problem-fixed',
  'problem-update',
  'problem-resolved',
  'action-item-assigned',
  'action-items-overdue',
] as const;

/** One kind of notice. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
