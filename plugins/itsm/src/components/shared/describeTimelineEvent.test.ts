import { TimelineEvent } from '@backstage-itsm/plugin-itsm-common';
import { describeTimelineEvent } from './describeTimelineEvent';

function event(overrides: Partial<TimelineEvent>): TimelineEvent {
  return {
    id: '1',
    recordType: 'incident',
    recordId: 'x',
    kind: 'field_changed',
    field: null,
    oldValue: null,
    newValue: null,
    body: null,
    actorRef: 'user:default/jane.doe',
    createdAt: '2026-11-10T09:00:00Z',
    ...overrides,
  };
}

describe('describeTimelineEvent', () => {
  it('names fields and values as the UI does', () => {
    expect(
      describeTimelineEvent(
        event({ field: 'assigneeRef', newValue: 'user:default/alice.nguyen' }),
      ),
    ).toBe('Assignee changed from nothing to alice.nguyen');
    expect(
      describeTimelineEvent(
        event({ field: 'impact', oldValue: '2', newValue: '1' }),
      ),
    ).toBe('Impact changed from Medium to High');
    expect(
      describeTimelineEvent(
        event({ field: 'priority', oldValue: '3', newValue: '1' }),
      ),
    ).toBe('Priority changed from P3 moderate to P1 critical');
  });

  it('names the statuses of a transition, with its reason', () => {
    expect(
      describeTimelineEvent(
        event({
          kind: 'transition',
          oldValue: 'in_progress',
          newValue: 'on_hold',
          body: 'Awaiting vendor',
        }),
      ),
    ).toBe('In progress → On hold: Awaiting vendor');
    expect(
      describeTimelineEvent(
        event({
          recordType: 'problem',
          kind: 'transition',
          oldValue: 'assess',
          newValue: 'root_cause_analysis',
        }),
      ),
    ).toBe('Assess → Root cause analysis');
  });

  it('shows the body of other events', () => {
    expect(
      describeTimelineEvent(
        event({ kind: 'alert_occurrence', body: 'Fired again (occurrence 2)' }),
      ),
    ).toBe('Fired again (occurrence 2)');
  });
});
