import { ItsmRecordType } from '@backstage-itsm/plugin-itsm-common';
import { NewTimelineEvent } from '../database/timeline';

/** The timeline event of a record's move from one status to another. */
export function transitionEvent(options: {
  recordType: ItsmRecordType;
  recordId: string;
  actorRef: string;
  from: string;
  to: string;
  body?: string;
}): NewTimelineEvent {
  return {
    recordType: options.recordType,
    recordId: options.recordId,
    kind: 'transition',
    actorRef: options.actorRef,
    field: 'status',
    oldValue: options.from,
    newValue: options.to,
    body: options.body,
  };
}
