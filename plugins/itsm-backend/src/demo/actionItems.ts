import {
  ActionItemKind,
  ItsmRecordType,
} from '@backstage-itsm/plugin-itsm-common';
import { ActionItemRow } from '../database/tables';
import { DemoEvent, ProblemFrame } from './model';
import { Random } from './random';
import { DAY } from './time';

/** Builds an action item and the timeline entries it leaves on its parent record. */
export function buildActionItem(options: {
  id: string;
  parentType: ItsmRecordType;
  parentId: string;
  title: string;
  kind: ActionItemKind;
  ownerRef: string;
  /** Who added it to the problem or postmortem. */
  createdBy: string;
  createdAt: number;
  dueAt: number;
  /** When it was done; undefined while open. */
  completedAt?: number;
}): { row: ActionItemRow; events: DemoEvent[] } {
  const { id, parentType, parentId, title, createdAt, completedAt } = options;
  const event = (at: number, actorRef: string, body: string): DemoEvent => ({
    recordType: parentType,
    recordId: parentId,
    kind: 'action_item',
    newValue: id,
    body,
    actorRef,
    at,
  });
  const events = [
    event(createdAt, options.createdBy, `Action item added: ${title}`),
  ];
  if (completedAt !== undefined) {
    events.push(
      event(completedAt, options.ownerRef, `Action item done: ${title}`),
    );
  }
  return {
    row: {
      id,
      parent_type: parentType,
      parent_id: parentId,
      title,
      owner_ref: options.ownerRef,
      due_at: options.dueAt,
      status: completedAt === undefined ? 'open' : 'done',
      kind: options.kind,
      created_at: createdAt,
      updated_at: completedAt ?? createdAt,
      completed_at: completedAt ?? null,
      version: completedAt === undefined ? 1 : 2,
    },
    events,
  };
}

/** The action items of a problem scenario, placed in time. */
export function problemActionItems(
  r: Random,
  frame: ProblemFrame,
  now: number,
): { rows: ActionItemRow[]; events: DemoEvent[] } {
  const at = (daysAgo: number) => Math.round(now - daysAgo * DAY);
  const built = frame.scenario.actionItems.map(item =>
    buildActionItem({
      id: r.uuid(),
      parentType: 'problem',
      parentId: frame.id,
      title: item.title,
      kind: item.kind,
      ownerRef: item.owner,
      createdBy: frame.scenario.assignee ?? frame.scenario.reporter,
      createdAt: at(item.createdDaysAgo),
      dueAt: at(item.dueDaysAgo),
      completedAt:
        item.doneDaysAgo === undefined ? undefined : at(item.doneDaysAgo),
    }),
  );
  return {
    rows: built.map(b => b.row),
    events: built.flatMap(b => b.events),
  };
}
