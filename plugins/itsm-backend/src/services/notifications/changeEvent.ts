import { TimelineEvent } from '@backstage-itsm/plugin-itsm-common';

/** The parts of a timeline event the notices are decided from. */
export type ChangeEvent = Pick<
  TimelineEvent,
  'kind' | 'field' | 'oldValue' | 'newValue' | 'body' | 'actorRef'
>;

/** The people who made the change, left out of its notices. */
export function actorsOf(events: ChangeEvent[]): string[] {
  return [...new Set(events.map(event => event.actorRef))];
}
