import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { ChangeEvent } from './changeEvent';
import { planMajorIncidentNotices } from './planMajorIncidentNotices';

const actor = 'user:default/ben';

function event(overrides: Partial<ChangeEvent>): ChangeEvent {
  return {
    kind: 'field_changed',
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
  commanderRef: 'user:default/carol',
  communicationsLeadRef: 'user:default/dave',
} as unknown as Incident;

describe('planMajorIncidentNotices', () => {
  it('tells owners, role holders and followers of a declaration, and each new role holder of the role', () => {
    const notices = planMajorIncidentNotices({
      incident,
      followers: ['user:default/erin'],
      events: [
        event({ field: 'declaredAt', newValue: '2026-11-30T10:00:00.000Z' }),
        event({ field: 'commanderRef', newValue: 'user:default/carol' }),
        event({
          field: 'communicationsLeadRef',
          newValue: 'user:default/dave',
        }),
      ],
    });
    expect(notices.map(n => [n.kind, n.recipients, n.title])).toEqual([
      [
        'incident-major-declared',
        [
          'group:default/payments-team',
          'user:default/carol',
          'user:default/dave',
          'user:default/erin',
        ],
        'P1 INC-000351 on payments-api is declared a major incident: Payments time out',
      ],
      [
        'incident-role-assigned',
        ['user:default/carol'],
        'You are incident commander of P1 INC-000351 on payments-api: Payments time out',
      ],
      [
        'incident-role-assigned',
        ['user:default/dave'],
        'You are communications lead of P1 INC-000351 on payments-api: Payments time out',
      ],
    ]);
    expect(notices[0].description).toBe(
      'Incident commander: carol. Communications lead: dave.',
    );
    expect(notices.every(n => n.exclude?.includes(actor))).toBe(true);
    expect(new Set(notices.map(n => n.key)).size).toBe(3);
  });

  it('tells no one when a role is cleared or another field changes', () => {
    expect(
      planMajorIncidentNotices({
        incident,
        followers: [],
        events: [
          event({ field: 'commanderRef', oldValue: 'user:default/carol' }),
          event({ field: 'title', newValue: 'x' }),
          event({ kind: 'note', body: 'internal' }),
        ],
      }),
    ).toEqual([]);
  });
});
