import { TimelineEvent } from '@internal/plugin-itsm-common';

/** One line telling what a timeline event records. */
export function describeTimelineEvent(event: TimelineEvent): string {
  switch (event.kind) {
    case 'created':
      return event.body ?? 'Created';
    case 'field_changed':
      return `${event.field} changed from ${event.oldValue ?? 'nothing'} to ${
        event.newValue ?? 'nothing'
      }`;
    case 'transition':
      return `Status ${event.oldValue ?? ''} → ${event.newValue ?? ''}${
        event.body ? `: ${event.body}` : ''
      }`;
    case 'linked':
    case 'unlinked':
    case 'alert_occurrence':
    case 'postmortem_updated':
    case 'action_item':
      return event.body ?? event.kind.replace('_', ' ');
    default:
      return event.body ?? '';
  }
}
