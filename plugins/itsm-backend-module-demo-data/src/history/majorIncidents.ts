import {
  IncidentEntityRow,
  IncidentRow,
  PostmortemRow,
} from '@backstage-itsm/plugin-itsm-node';
import { DEMO_TEAMS, INCIDENT_MANAGERS, ownerMembers } from './catalog';
import { DemoEvent } from './model';
import { Random } from './random';
import { DAY, HOUR, MINUTE } from './time';

/**
 * The services that depend directly on an entity (examples/entities.yaml):
 * an outage of the entity also affects them.
 */
const DEPENDENTS: Readonly<Record<string, readonly string[]>> = {
  'resource:default/orders-db': [
    'component:default/order-service',
    'component:default/auth-service',
  ],
  'resource:default/payments-db': ['component:default/ledger-service'],
  'resource:default/redis-cache': [
    'component:default/cart-service',
    'component:default/catalog-search',
    'component:default/auth-service',
  ],
  'resource:default/event-bus': [
    'component:default/order-service',
    'component:default/notification-service',
    'component:default/ledger-service',
  ],
  'component:default/api-gateway': ['component:default/storefront-web'],
  'component:default/checkout-api': ['component:default/api-gateway'],
  'component:default/payments-api': ['component:default/checkout-api'],
  'component:default/order-service': [
    'component:default/checkout-api',
    'component:default/notification-service',
  ],
};

const COMMANDERS = [
  ...INCIDENT_MANAGERS,
  ...DEMO_TEAMS['group:default/sre-team'],
];

/** What the major incident pass adds to the demo history. */
export interface MajorIncidentHistory {
  incidentEntities: IncidentEntityRow[];
  events: DemoEvent[];
}

function declare(options: {
  r: Random;
  row: IncidentRow;
  now: number;
}): DemoEvent[] {
  const { r, row, now } = options;
  const detected = Number(row.detected_at);
  const declaredAt = Math.round(
    Math.min(
      Number(row.acknowledged_at ?? detected) + r.between(2, 10) * MINUTE,
      now - MINUTE,
    ),
  );
  const commander = r.pick(COMMANDERS);
  const communicationsLead = r.pick(
    ownerMembers(row.entity_ref).filter(
      user => user !== commander && user !== 'user:default/guest',
    ),
  );
  row.declared_at = declaredAt;
  row.commander_ref = commander;
  row.communications_lead_ref = communicationsLead;
  const event = {
    recordType: 'incident' as const,
    recordId: row.id,
    kind: 'field_changed' as const,
    actorRef: commander,
    at: declaredAt,
  };
  return [
    {
      ...event,
      field: 'declaredAt',
      oldValue: null,
      newValue: new Date(declaredAt).toISOString(),
      body: 'Declared a major incident',
    },
    { ...event, field: 'commanderRef', oldValue: null, newValue: commander },
    {
      ...event,
      field: 'communicationsLeadRef',
      oldValue: null,
      newValue: communicationsLead,
    },
  ];
}

/**
 * Moves a postmortem on to `status`, one review step at a time after its
 * last edit, with a timeline row for each step.
 */
function review(options: {
  postmortem: PostmortemRow;
  status: 'in_review' | 'published';
  actorRef: string;
  now: number;
}): DemoEvent[] {
  const { postmortem, status, actorRef, now } = options;
  const steps = status === 'published' ? ['in_review', 'published'] : [status];
  const events: DemoEvent[] = [];
  let from = 'draft';
  for (const to of steps) {
    const at = Math.min(Number(postmortem.updated_at) + 6 * HOUR, now - MINUTE);
    if (at <= Number(postmortem.updated_at)) {
      break;
    }
    events.push({
      recordType: 'incident',
      recordId: postmortem.incident_id,
      kind: 'postmortem_updated',
      field: 'postmortemStatus',
      oldValue: from,
      newValue: to,
      body: `Postmortem ${to.replace('_', ' ')}`,
      actorRef,
      at,
    });
    postmortem.status = to;
    postmortem.updated_at = at;
    postmortem.version = Number(postmortem.version) + 1;
    from = to;
  }
  return events;
}

/**
 * Declares the P1 incidents major incidents with a commander and a
 * communications lead; reviews postmortems (those of closed major incidents
 * published, recent ones still in draft or in review); and adds the services
 * that depend on the broken entity to some P1 and P2 incidents.
 */
export function playMajorIncidents(options: {
  r: Random;
  incidents: IncidentRow[];
  postmortems: PostmortemRow[];
  now: number;
}): MajorIncidentHistory {
  const { r, incidents, postmortems, now } = options;
  const events: DemoEvent[] = [];
  const incidentEntities: IncidentEntityRow[] = [];
  const byId = new Map(incidents.map(row => [row.id, row]));

  for (const row of incidents) {
    // Every row has the same columns: the seeder inserts them in chunks.
    row.declared_at = null;
    row.commander_ref = null;
    row.communications_lead_ref = null;
    if (row.priority === 1 && row.status !== 'cancelled') {
      events.push(...declare({ r, row, now }));
    }
    const dependents = DEPENDENTS[row.entity_ref];
    if (
      dependents &&
      Number(row.priority) <= 2 &&
      !row.duplicate_of_id &&
      r.chance(0.6)
    ) {
      const count = Math.min(dependents.length, r.int(1, 2));
      const added = [...dependents].slice(0, count);
      const at = Math.round(
        Math.min(
          Number(row.detected_at) + r.between(5, 30) * MINUTE,
          now - MINUTE,
        ),
      );
      for (const entityRef of added) {
        incidentEntities.push({
          incident_id: row.id,
          entity_ref: entityRef,
          added_at: at,
        });
        events.push({
          recordType: 'incident',
          recordId: row.id,
          kind: 'field_changed',
          field: 'affectedEntityRefs',
          oldValue: null,
          newValue: entityRef,
          body: `Affected entity added: ${entityRef}`,
          actorRef: row.assignee_ref ?? row.reporter_ref,
          at,
        });
      }
    }
  }

  for (const postmortem of postmortems) {
    postmortem.status = 'draft';
    const incident = byId.get(postmortem.incident_id)!;
    const declared = Boolean(incident.declared_at);
    const age = now - Number(postmortem.created_at);
    let status: 'draft' | 'in_review' | 'published';
    if (declared && incident.status === 'closed') {
      // The close of a major incident waits for its published review.
      status = 'published';
    } else if (age < 3 * DAY) {
      status = r.chance(0.5) ? 'draft' : 'in_review';
    } else {
      status = r.chance(0.8) ? 'published' : r.pick(['draft', 'in_review']);
    }
    if (status !== 'draft') {
      events.push(
        ...review({
          postmortem,
          status,
          actorRef: incident.commander_ref ?? r.pick(INCIDENT_MANAGERS),
          now,
        }),
      );
    }
  }
  return { incidentEntities, events };
}
