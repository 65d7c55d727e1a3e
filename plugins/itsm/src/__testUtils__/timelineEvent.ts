import { TimelineEvent } from '@backstage-itsm/plugin-itsm-common';

/** A timeline event by a test user; an incident note unless overridden. */
export function timelineEvent(
  overrides: Partial<TimelineEvent> = {},
): TimelineEvent {
  return {
    id: '1',
    recordType: 'incident',
    recordId: 'i',
    kind: 'note',
    field: null,
    oldValue: null,
    newValue: null,
    body: null,
    actorRef: 'user:default/jane.doe',
    createdAt: '2026-11-10T09:00:00Z',
    ...overrides,
  };
}
