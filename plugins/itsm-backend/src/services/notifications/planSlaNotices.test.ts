import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { planSlaNotices } from './planSlaNotices';

const incident = {
  id: 'a3c1b3a4-1d5e-4f8b-9a51-8d0b5c1f2e77',
  number: 'INC-000042',
  title: 'Checkout returns HTTP 502',
  entityRef: 'component:default/checkout-api',
  ownerRef: 'group:default/team-checkout',
  assigneeRef: 'user:default/ana',
  priority: 1,
} as Incident;

const sla = (field: string, newValue: string) => ({
  kind: 'sla' as const,
  field,
  newValue,
  oldValue: null,
  body: 'INC-000042: time to resolve target missed',
  actorRef: 'service:itsm-sla',
});

describe('planSlaNotices', () => {
  it('warns the assignee and the owners at the warning share and at breach', () => {
    const notices = planSlaNotices({
      incident,
      events: [sla('resolve', 'warning'), sla('respond', 'breached')],
    });
    expect(notices.map(n => [n.kind, n.recipients, n.title, n.key])).toEqual([
      [
        'incident-sla-warning',
        ['user:default/ana', 'group:default/team-checkout'],
        'P1 INC-000042 on checkout-api is close to its time to resolve target: Checkout returns HTTP 502',
        '0:sla:resolve:warning',
      ],
      [
        'incident-sla-breached',
        ['user:default/ana', 'group:default/team-checkout'],
        'P1 INC-000042 on checkout-api breached its time to respond target: Checkout returns HTTP 502',
        '1:sla:respond:breached',
      ],
    ]);
    expect(notices[0].exclude).toEqual([]);
  });

  it('tells the owners alone while nobody is assigned, and says nothing of new targets', () => {
    const notices = planSlaNotices({
      incident: { ...incident, assigneeRef: null },
      events: [sla('priority', 'retargeted'), sla('resolve', 'breached')],
    });
    expect(notices.map(n => n.recipients)).toEqual([
      ['group:default/team-checkout'],
    ]);
  });
});
