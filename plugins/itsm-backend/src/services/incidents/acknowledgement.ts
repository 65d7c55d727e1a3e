import { IncidentStatus } from '@backstage-itsm/plugin-itsm-common';
import { IncidentRow } from '../../database/tables';
import { NewTimelineEvent } from '../../database/timeline';
import { Caller } from '../../shared/caller';

/**
 * Acknowledging an unassigned incident (its move from `new` to
 * `in_progress`) makes the responder who acknowledges it its assignee.
 * Services such as alert senders acknowledge without taking it.
 */
export function assigneeOnAcknowledgement(options: {
  row: IncidentRow;
  to: IncidentStatus;
  caller: Caller;
}): { changes: Partial<IncidentRow>; events: NewTimelineEvent[] } {
  const { row, to, caller } = options;
  const responder = caller.actorRef.toLocaleLowerCase('en-US');
  if (
    row.status !== 'new' ||
    to !== 'in_progress' ||
    row.assignee_ref !== null ||
    !responder.startsWith('user:')
  ) {
    return { changes: {}, events: [] };
  }
  return {
    changes: { assignee_ref: responder },
    events: [
      {
        recordType: 'incident',
        recordId: row.id,
        kind: 'field_changed',
        actorRef: caller.actorRef,
        field: 'assigneeRef',
        oldValue: null,
        newValue: responder,
      },
    ],
  };
}
