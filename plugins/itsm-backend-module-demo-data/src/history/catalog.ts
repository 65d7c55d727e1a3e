/** A catalog entity of the demo organisation "Acme Retail" (examples/entities.yaml). */
export interface DemoEntity {
  /** Normalised lowercase entity ref. */
  ref: string;
  /** Owner group ref. */
  owner: string;
}

const CHECKOUT = 'group:default/checkout-team';
const PAYMENTS = 'group:default/payments-team';
const PLATFORM = 'group:default/platform-team';
const SRE = 'group:default/sre-team';

/** The components and resources that incidents and problems are logged against. */
export const DEMO_ENTITIES: readonly DemoEntity[] = [
  { ref: 'component:default/storefront-web', owner: CHECKOUT },
  { ref: 'component:default/api-gateway', owner: SRE },
  { ref: 'component:default/checkout-api', owner: CHECKOUT },
  { ref: 'component:default/cart-service', owner: CHECKOUT },
  { ref: 'component:default/catalog-search', owner: CHECKOUT },
  { ref: 'component:default/order-service', owner: CHECKOUT },
  { ref: 'component:default/payments-api', owner: PAYMENTS },
  { ref: 'component:default/fraud-detector', owner: PAYMENTS },
  { ref: 'component:default/ledger-service', owner: PAYMENTS },
  { ref: 'component:default/notification-service', owner: PLATFORM },
  { ref: 'component:default/auth-service', owner: PLATFORM },
  { ref: 'component:default/telemetry-lib', owner: SRE },
  { ref: 'resource:default/orders-db', owner: PLATFORM },
  { ref: 'resource:default/payments-db', owner: PLATFORM },
  { ref: 'resource:default/event-bus', owner: PLATFORM },
  { ref: 'resource:default/redis-cache', owner: PLATFORM },
];

/** Members of each team (examples/org.yaml). */
export const DEMO_TEAMS: Readonly<Record<string, readonly string[]>> = {
  [PAYMENTS]: [
    'user:default/alice.nguyen',
    'user:default/david.okafor',
    'user:default/maria.santos',
  ],
  [CHECKOUT]: [
    'user:default/ben.carter',
    'user:default/priya.raman',
    'user:default/lucas.meyer',
    'user:default/guest',
  ],
  [PLATFORM]: [
    'user:default/wei.chen',
    'user:default/sara.lindqvist',
    'user:default/omar.haddad',
  ],
  [SRE]: [
    'user:default/emma.kowalski',
    'user:default/raj.patel',
    'user:default/nina.rossi',
  ],
  'group:default/itsm-admins': [
    'user:default/julia.fischer',
    'user:default/tom.becker',
  ],
};

/** Incident managers, who close records and chase action items. */
export const INCIDENT_MANAGERS: readonly string[] =
  DEMO_TEAMS['group:default/itsm-admins'];

// Alerting tools call with external access tokens; the principal's subject
// (`external:<subject>` in backend.auth.externalAccess) is what reporter_ref holds.
/** Reporter of incidents opened by each alert source. */
export const ALERT_REPORTERS = {
  alertmanager: 'external:alertmanager',
  'events-v2': 'external:grafana',
  api: 'external:deploy-pipeline',
} as const;

/** Actor of changes made by the plugin itself, such as problem detection. */
export const SYSTEM_ACTOR = 'plugin:itsm';

/** Looks up a demo entity by ref; throws on an unknown ref, which is a bug in the scenarios. */
export function demoEntity(ref: string): DemoEntity {
  const entity = DEMO_ENTITIES.find(e => e.ref === ref);
  if (!entity) {
    throw new Error(`Unknown demo entity ${ref}`);
  }
  return entity;
}

/** Users of the team that owns an entity. */
export function ownerMembers(ref: string): readonly string[] {
  return DEMO_TEAMS[demoEntity(ref).owner];
}
