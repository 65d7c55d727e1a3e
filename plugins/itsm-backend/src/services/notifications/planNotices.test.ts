import { Incident, Problem } from '@backstage-itsm/plugin-itsm-common';
import { ChangeEvent } from './changeEvent';
import {
  exposesDependents,
  planDependentNotices,
} from './planDependentNotices';
import { planIncidentNotices } from './planIncidentNotices';
import { planProblemNotices } from './planProblemNotices';

const actor = 'user:default/ben';

function event(overrides: Partial<ChangeEvent>): ChangeEvent {
  return {
    kind: 'note',
    field: null,
    oldValue: null,
    newValue: null,
    body: null,
    actorRef: actor,
    ...overrides,
  };
}

const incident = {
  id: 'i-1',
  number: 'INC-000351',
  title: 'Payments time out',
  description: 'Card payments fail',
  entityRef: 'component:default/payments-api',
  ownerRef: 'group:default/payments-team',
  priority: 1,
  reporterRef: 'user:default/alice',
  assigneeRef: null,
  resolutionNotes: null,
} as unknown as Incident;

const problem = {
  id: 'p-1',
  number: 'PRB-000007',
  title: 'Pool exhaustion',
  entityRef: 'resource:default/orders-db',
  ownerRef: 'group:default/platform-team',
  affectedEntityRefs: ['component:default/checkout-api'],
  priority: 2,
  reporterRef: 'user:default/alice',
  workaround: 'Restart pods',
  permanentFix: 'Pool of 200',
  resolutionCode: 'fix_applied',
  resolutionNotes: null,
} as unknown as Problem;

describe('planIncidentNotices', () => {
  it('tells no one of an internal note or an ordinary edit', () => {
    expect(
      planIncidentNotices({
        incident,
        events: [
          event({ kind: 'note', body: 'internal' }),
          event({ kind: 'field_changed', field: 'title', newValue: 'x' }),
        ],
        followers: ['user:default/carol'],
      }),
    ).toEqual([]);
  });

  it('leaves an unassignment unnotified', () => {
    expect(
      planIncidentNotices({
        incident,
        events: [
          event({
            kind: 'field_changed',
            field: 'assigneeRef',
            oldValue: actor,
          }),
        ],
        followers: [],
      }),
    ).toEqual([]);
  });
});

describe('exposesDependents', () => {
  it.each([
    [1, [event({ kind: 'created' })], true],
    [3, [event({ kind: 'created' })], false],
    [
      2,
      [
        event({
          kind: 'field_changed',
          field: 'priority',
          oldValue: '3',
          newValue: '2',
        }),
      ],
      true,
    ],
    [
      1,
      [
        event({
          kind: 'field_changed',
          field: 'priority',
          oldValue: '2',
          newValue: '1',
        }),
      ],
      true,
    ],
    [
      2,
      [
        event({
          kind: 'field_changed',
          field: 'priority',
          oldValue: '1',
          newValue: '2',
        }),
      ],
      false,
    ],
    [
      3,
      [
        event({
          kind: 'field_changed',
          field: 'priority',
          oldValue: '4',
          newValue: '3',
        }),
      ],
      false,
    ],
  ])('priority %p after %j: %p', (priority, events, expected) => {
    expect(
      exposesDependents({ incident: { priority } as Incident, events }),
    ).toBe(expected);
  });
});

describe('planDependentNotices', () => {
  it('groups exposed entities by owner, skips the unowned and those already told', () => {
    const notices = planDependentNotices({
      incident,
      events: [event({ kind: 'created' })],
      alreadyTold: ['group:default/payments-team'],
      dependents: [
        {
          entityRef: 'component:default/checkout-api',
          ownerRef: 'group:default/shop',
          path: [
            'component:default/payments-api',
            'component:default/checkout-api',
          ],
        },
        {
          entityRef: 'component:default/web',
          ownerRef: 'group:default/shop',
          path: [
            'component:default/payments-api',
            'component:default/checkout-api',
            'component:default/web',
          ],
        },
        {
          entityRef: 'component:default/admin',
          ownerRef: 'group:default/payments-team',
          path: ['component:default/payments-api', 'component:default/admin'],
        },
        {
          entityRef: 'component:default/orphan',
          ownerRef: null,
          path: ['component:default/payments-api', 'component:default/orphan'],
        },
      ],
    });
    expect(notices).toEqual([
      {
        key: 'dependents:group:default/shop',
        kind: 'incident-dependents',
        recipients: ['group:default/shop'],
        exclude: [actor],
        title:
          '2 of your entities are exposed to P1 INC-000351 on payments-api',
        description:
          'P1 INC-000351: Payments time out. Exposed: checkout-api depends on payments-api; web depends on checkout-api, checkout-api depends on payments-api.',
        link: '/itsm/incidents/INC-000351',
        severity: 'critical',
        scope: 'itsm:incident:i-1',
      },
    ]);
  });
});

describe('planProblemNotices', () => {
  it('tells owners, reporter and followers of a fix, and reporter and followers of a close', () => {
    const notices = planProblemNotices({
      problem,
      followers: ['user:default/carol'],
      events: [
        event({
          kind: 'transition',
          field: 'status',
          oldValue: 'fix_in_progress',
          newValue: 'resolved',
        }),
        event({
          kind: 'transition',
          field: 'status',
          oldValue: 'resolved',
          newValue: 'closed',
        }),
        event({ kind: 'note', body: 'internal' }),
      ],
    });
    expect(notices.map(n => [n.kind, n.recipients, n.severity])).toEqual([
      [
        'problem-fixed',
        [
          'resource:default/orders-db',
          'component:default/checkout-api',
          'user:default/alice',
          'user:default/carol',
        ],
        'high',
      ],
      [
        'problem-resolved',
        ['user:default/alice', 'user:default/carol'],
        'high',
      ],
    ]);
    expect(notices[0]).toMatchObject({
      title: 'P2 PRB-000007 is fixed: Pool exhaustion',
      description: 'Pool of 200',
      link: '/itsm/problems/PRB-000007',
      scope: 'itsm:problem:p-1',
    });
  });

  it('tells the owner, reporter and followers of a public update', () => {
    const [notice] = planProblemNotices({
      problem,
      followers: ['user:default/carol'],
      events: [event({ kind: 'status_update', body: 'Fix deploying' })],
    });
    expect(notice).toMatchObject({
      kind: 'problem-update',
      recipients: [
        'group:default/platform-team',
        'user:default/alice',
        'user:default/carol',
      ],
      description: 'Fix deploying',
    });
  });
});
