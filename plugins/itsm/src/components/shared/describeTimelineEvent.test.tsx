import { screen } from '@testing-library/react';
import { TimelineEvent } from '@backstage-itsm/plugin-itsm-common';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { describeTimelineEvent } from './describeTimelineEvent';
import { formatTime } from './formatTime';
import { timelineEvent } from '../../__testUtils__/timelineEvent';

jest.setTimeout(30_000);

function event(overrides: Partial<TimelineEvent>): TimelineEvent {
  return timelineEvent({
    recordId: 'x',
    kind: 'field_changed',
    ...overrides,
  });
}

const catalogEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice.nguyen', namespace: 'default' },
    spec: { profile: { displayName: 'Alice Nguyen' } },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'api-gateway',
      namespace: 'default',
      title: 'API Gateway',
    },
  },
];

/** The text of the description, once names have been looked up. */
async function describe_(overrides: Partial<TimelineEvent>, wait?: string) {
  const { container } = await renderWithItsm(
    <p>{describeTimelineEvent(event(overrides))}</p>,
    { catalogEntities },
  );
  if (wait) {
    await screen.findByText(wait, { exact: false });
  }
  return container.querySelector('p')!.textContent;
}

describe('describeTimelineEvent', () => {
  it('names levels with their number and priorities with their label', async () => {
    expect(
      await describe_({ field: 'impact', oldValue: '2', newValue: '1' }),
    ).toBe('Impact changed from 2 - Medium to 1 - High');
    expect(
      await describe_({ field: 'priority', oldValue: '3', newValue: '1' }),
    ).toBe('Priority changed from P3 moderate to P1 critical');
  });

  it('gives the reason for a new priority', async () => {
    expect(
      await describe_({
        field: 'priority',
        oldValue: '3',
        newValue: '2',
        body: 'Card payments fail for every customer',
      }),
    ).toBe(
      'Priority changed from P3 moderate to P2 high: Card payments fail for every customer',
    );
  });

  it('names people and entities as their catalog pages do, with links', async () => {
    expect(
      await describe_(
        { field: 'assigneeRef', newValue: 'user:default/alice.nguyen' },
        'Alice Nguyen',
      ),
    ).toBe('Assignee changed from nothing to Alice Nguyen');
    expect(
      await screen.findByRole('link', { name: /Alice Nguyen/ }),
    ).toHaveAttribute('href', '/catalog/default/user/alice.nguyen');
  });

  it('names the root-cause entity by title', async () => {
    expect(
      await describe_(
        {
          recordType: 'problem',
          field: 'entityRef',
          newValue: 'component:default/api-gateway',
        },
        'API Gateway',
      ),
    ).toBe('Root-cause entity changed from nothing to API Gateway');
    expect(
      await screen.findByRole('link', { name: /API Gateway/ }),
    ).toHaveAttribute('href', '/catalog/default/component/api-gateway');
  });

  it('names analysis methods', async () => {
    expect(
      await describe_({
        recordType: 'problem',
        field: 'rcaMethod',
        oldValue: null,
        newValue: 'five_whys',
      }),
    ).toBe('RCA method changed from nothing to Five whys');
  });

  it('tells what a field change says of itself', async () => {
    expect(
      await describe_({
        recordType: 'problem',
        field: 'knownError',
        oldValue: 'false',
        newValue: 'true',
        body: 'Published as a known error',
      }),
    ).toBe('Published as a known error');
  });

  it('names the statuses of a transition and the hold reason', async () => {
    expect(
      await describe_({
        kind: 'transition',
        oldValue: 'in_progress',
        newValue: 'on_hold',
        body: 'awaiting_problem',
      }),
    ).toBe('In progress → On hold: Awaiting problem');
    expect(
      await describe_({
        recordType: 'problem',
        kind: 'transition',
        oldValue: 'assess',
        newValue: 'root_cause_analysis',
      }),
    ).toBe('Assess → Root cause analysis');
  });

  it('links the incident or problem of a link', async () => {
    expect(
      await describe_({
        recordType: 'problem',
        kind: 'linked',
        field: 'incident',
        body: 'INC-000007',
      }),
    ).toBe('Linked incident INC-000007');
    expect(screen.getByRole('link', { name: 'INC-000007' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-000007',
    );
    expect(
      await describe_({
        kind: 'unlinked',
        field: 'problem',
        body: 'PRB-000003',
      }),
    ).toBe('Unlinked from problem PRB-000003');
  });

  it('shows times in the reader’s locale', async () => {
    expect(
      await describe_({
        kind: 'alert_occurrence',
        field: 'alert',
        newValue: 'resolved',
        body: 'Alert resolved at 2026-11-10T09:30:00.000Z',
      }),
    ).toBe(`Alert resolved at ${formatTime('2026-11-10T09:30:00.000Z')}`);
  });

  it('tells an alert assigned from the inbox, with its entity and deliveries', async () => {
    expect(
      await describe_(
        {
          kind: 'alert_occurrence',
          field: 'entityRef',
          newValue: 'component:default/api-gateway',
          body: 'Assigned from the unrouted alert inbox after 1 deliveries',
        },
        'API Gateway',
      ),
    ).toBe(
      'Assigned to API Gateway from the unrouted alert inbox after 1 delivery',
    );
  });

  it('tells an acknowledged alert without the raw sender', async () => {
    expect(
      await describe_({
        kind: 'alert_occurrence',
        field: 'alert',
        newValue: 'acknowledged',
        body: 'Alert acknowledged by external:alertmanager',
      }),
    ).toBe('Alert acknowledged');
  });

  it('shows the body of other events', async () => {
    expect(
      await describe_({
        kind: 'alert_occurrence',
        body: 'Fired again (occurrence 2)',
      }),
    ).toBe('Fired again (occurrence 2)');
  });
});
