import {
  formatIncidentNumber,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { OverdueActionItem } from '../../database/overdueActionItems';
import { Notice } from './notice';

const DAY = 24 * 60 * 60_000;

/** One digest per owner, listing their overdue action items, most overdue first. */
export function planOverdueDigest(options: {
  items: OverdueActionItem[];
  now: number;
}): Notice[] {
  const byOwner = new Map<string, OverdueActionItem[]>();
  for (const item of options.items) {
    byOwner.set(item.ownerRef, [...(byOwner.get(item.ownerRef) ?? []), item]);
  }
  return [...byOwner.entries()].map(([ownerRef, items]) => ({
    key: `overdue:${ownerRef}`,
    kind: 'action-items-overdue',
    recipients: [ownerRef],
    title:
      items.length === 1
        ? `1 overdue action item: ${items[0].title}`
        : `${items.length} overdue action items`,
    description: items
      .map(item => {
        const number =
          item.parentType === 'incident'
            ? formatIncidentNumber(item.parentNumber)
            : formatProblemNumber(item.parentNumber);
        const days = Math.max(1, Math.floor((options.now - item.dueAt) / DAY));
        return `${number}: ${item.title} (${days} ${
          days === 1 ? 'day' : 'days'
        } overdue)`;
      })
      .join('\n'),
    link: '/itsm',
    severity: 'low',
    scope: 'itsm:action-items-overdue',
  }));
}
