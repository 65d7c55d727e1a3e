import { ActionItem } from '@backstage-itsm/plugin-itsm-common';
import { ChangeEvent, actorsOf } from './changeEvent';
import { Notice, recordLink, recordScope } from './notice';

/** The timeline fields whose `newValue` names an action item just given an owner. */
export const ACTION_ITEM_ASSIGNMENT_FIELDS = ['actionItem', 'actionItemOwner'];

/** The ids of the action items a change added or gave a new owner. */
export function assignedActionItemIds(events: ChangeEvent[]): string[] {
  return [
    ...new Set(
      events
        .filter(
          event =>
            event.kind === 'action_item' &&
            event.field !== null &&
            ACTION_ITEM_ASSIGNMENT_FIELDS.includes(event.field) &&
            event.oldValue === null &&
            event.newValue !== null,
        )
        .map(event => event.newValue!),
    ),
  ];
}

/** Tells the owner of each open action item the change assigned. */
export function planActionItemNotices(options: {
  events: ChangeEvent[];
  items: ActionItem[];
  parent: { recordType: 'incident' | 'problem'; number: string };
}): Notice[] {
  const { items, parent, events } = options;
  return items
    .filter(item => item.ownerRef && item.status === 'open')
    .map(item => ({
      key: `action-item:${item.id}`,
      kind: 'action-item-assigned',
      recipients: [item.ownerRef!],
      exclude: actorsOf(events),
      title: `Action item for you on ${parent.number}: ${item.title}`,
      description: item.dueAt
        ? `Due ${item.dueAt.slice(0, 10)} (${item.kind}).`
        : `No due date (${item.kind}).`,
      link: recordLink(parent.recordType, parent.number),
      severity: 'normal',
      scope: recordScope('action-item', item.id),
    }));
}
