import { SignalPayload } from '@backstage/plugin-signals-node';
import { Incident, Problem } from '@backstage-itsm/plugin-itsm-common';

/** What a live view learns of a change: ids only, it refetches with its own rights. */
export type RecordSignalMessage = {
  recordType: 'incident' | 'problem';
  id: string;
  number: string;
  entityRef: string | null;
};

/** The channel every change is published on. */
export const ALL_RECORDS_CHANNEL = 'itsm:records';

/**
 * The signals of a change to a record: on its own channel, on the channel
 * of each entity it concerns, and on the channel of every change.
 */
export function recordSignals(
  record:
    | { recordType: 'incident'; record: Incident }
    | { recordType: 'problem'; record: Problem },
): SignalPayload<RecordSignalMessage>[] {
  const { recordType } = record;
  const entityRefs =
    record.recordType === 'incident'
      ? [record.record.entityRef]
      : [record.record.entityRef, ...record.record.affectedEntityRefs];
  const message: RecordSignalMessage = {
    recordType,
    id: record.record.id,
    number: record.record.number,
    entityRef: record.record.entityRef,
  };
  const channels = [
    `itsm:${recordType}:${record.record.id}`,
    ...[
      ...new Set(
        entityRefs
          .filter((ref): ref is string => Boolean(ref))
          .map(ref => ref.toLocaleLowerCase('en-US')),
      ),
    ].map(ref => `itsm:entity:${ref}`),
    ALL_RECORDS_CHANNEL,
  ];
  return channels.map(channel => ({
    recipients: { type: 'broadcast' },
    channel,
    message,
  }));
}
