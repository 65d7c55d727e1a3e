import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationKind } from './notificationKinds';

/** One notification to send: to whom, and what it says. */
export interface Notice {
  /** Unique within one outbox entry, so a retry skips what was sent. */
  key: string;
  kind: NotificationKind;
  /** Entity refs; groups reach their members and components their owners. */
  recipients: string[];
  /** Left out of the recipients, such as whoever made the change. */
  exclude?: string[];
  title: string;
  description: string;
  link: string;
  severity: NotificationSeverity;
  scope: string;
}

/** The severity of a notice about a record of this priority. */
export function severityOf(priority: number): NotificationSeverity {
  if (priority === 1) return 'critical';
  if (priority === 2) return 'high';
  if (priority === 3) return 'normal';
  return 'low';
}

/** `payments-api` for `component:default/payments-api`. */
export function entityName(ref: string): string {
  return ref.slice(ref.indexOf('/') + 1);
}

/** The frontend page of a record. */
export function recordLink(
  recordType: 'incident' | 'problem',
  number: string,
): string {
  return `/itsm/${
    recordType === 'incident' ? 'incidents' : 'problems'
  }/${number}`;
}

/** The scope that makes a later notice about a record replace the earlier one. */
export function recordScope(
  recordType: 'incident' | 'problem' | 'action-item',
  id: string,
): string {
  return `itsm:${recordType}:${id}`;
}

/** Drops notices of kinds the configuration turned off, and those with no one to tell. */
export function enabledNotices(
  notices: Notice[],
  kinds: ReadonlySet<NotificationKind>,
): Notice[] {
  return notices.filter(
    notice => kinds.has(notice.kind) && notice.recipients.length > 0,
  );
}
