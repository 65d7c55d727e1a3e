import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { newProblemRow } from '../database/newProblemRow';
import { IncidentRow, ProblemRow } from '../database/tables';
import { TEST_ENTITIES } from './fixtures';

/*
 * Incidents and problems for the list tests: words spread over titles and
 * descriptions, numbers from 301 up (so that no number is part of another),
 * a system `shop` of checkout-api and orders-db, and three teams.
 */

export const CHECKOUT = 'component:default/checkout-api';
export const PAYMENTS = 'component:default/payments-api';
export const ORDERS_DB = 'resource:default/orders-db';
export const SHOP = 'system:default/shop';
export const T0 = Date.parse('2026-11-01T00:00:00Z');
const HOUR = 3_600_000;

function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

/** The test catalog with the system `shop` and the teams that own things. */
export const LIST_ENTITIES: Entity[] = [
  ...TEST_ENTITIES.map(entity =>
    ['checkout-api', 'orders-db'].includes(entity.metadata.name)
      ? {
          ...entity,
          relations: [
            ...(entity.relations ?? []),
            { type: 'partOf', targetRef: SHOP },
          ],
        }
      : entity,
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { owner: 'checkout-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/checkout-team' }],
  },
  group('payments-team'),
  group('platform-team'),
  group('quiet-team'),
];

/** Incident numbers by what the tests call them. */
export const INC = {
  gatewayTitle: 301,
  checkoutDeploy: 302,
  ordersSlow: 303,
  paymentsTimeout: 304,
  shopOutage: 305,
  loginNumber: 311,
  loginTitle: 315,
};

const INCIDENTS: [
  number: number,
  fields: Partial<IncidentRow> & { title: string; entity_ref: string },
][] = [
  [
    INC.gatewayTitle,
    {
      title: 'api-gateway returns HTTP 503 on checkout',
      description: 'Requests time out at the edge',
      entity_ref: CHECKOUT,
      priority: 1,
    },
  ],
  [
    INC.checkoutDeploy,
    {
      title: 'Checkout answers 503 during deploys',
      description: 'Seen after every release of the api-gateway',
      entity_ref: CHECKOUT,
      priority: 2,
      status: 'in_progress',
      source: 'alertmanager',
      assignee_ref: 'user:default/ben',
    },
  ],
  [
    INC.ordersSlow,
    {
      title: 'Slow queries on orders',
      description: 'Gateway latency rises while HTTP 503 answers pile up',
      entity_ref: ORDERS_DB,
      priority: 3,
      source: 'events-v2',
      assignee_ref: 'user:default/alice',
    },
  ],
  [
    INC.paymentsTimeout,
    {
      title: 'Payments timeout',
      description: 'Card provider answers slowly',
      entity_ref: PAYMENTS,
      priority: 1,
      status: 'resolved',
    },
  ],
  [
    INC.shopOutage,
    {
      title: 'Shop front down',
      description: 'Every page answers an error',
      entity_ref: SHOP,
      priority: 2,
      source: 'api',
    },
  ],
  [
    INC.loginNumber,
    {
      title: 'Login page broken',
      description: 'Sign-in shows an error',
      entity_ref: PAYMENTS,
      priority: 4,
      status: 'closed',
      assignee_ref: 'user:default/ben',
    },
  ],
  [
    INC.loginTitle,
    {
      title: 'Login fails for 311 users',
      description: 'Sessions expire at once',
      entity_ref: PAYMENTS,
      priority: 2,
    },
  ],
];

function ownerOf(entityRef: string): string {
  if (entityRef === PAYMENTS) return 'group:default/payments-team';
  if (entityRef === ORDERS_DB) return 'group:default/platform-team';
  return 'group:default/checkout-team';
}

/** An incident row created `hours` after T0. */
export function incidentRow(
  number: number,
  hours: number,
  fields: Partial<IncidentRow> & { title: string; entity_ref: string },
): IncidentRow {
  const created = T0 + hours * HOUR;
  return {
    id: `30000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
    number,
    description: 'Fixture',
    owner_ref: ownerOf(fields.entity_ref),
    category: 'availability',
    impact: 2,
    urgency: 2,
    priority: 3,
    major: false,
    status: 'new',
    hold_reason: null,
    assignee_ref: null,
    reporter_ref: 'user:default/ben',
    source: 'manual',
    dedup_key: null,
    occurrence_count: 1,
    workaround: null,
    resolution_code: null,
    resolution_notes: null,
    problem_id: null,
    detected_at: created,
    acknowledged_at: null,
    mitigated_at: null,
    resolved_at: null,
    closed_at: null,
    created_at: created,
    updated_at: created,
    version: 1,
    ...fields,
  };
}

/** Problem numbers by what the tests call them. */
export const PRB = { gateway: 41, pool: 42, known: 43 };

const PROBLEMS: ProblemRow[] = [
  newProblemRow({
    id: '40000000-0000-4000-8000-000000000041',
    number: PRB.gateway,
    title: 'api-gateway returns HTTP 503 under load',
    statement: 'The edge drops requests when its workers are busy',
    entity_ref: CHECKOUT,
    owner_ref: 'group:default/checkout-team',
    category: 'availability',
    impact: 1,
    urgency: 1,
    priority: 1,
    reporter_ref: 'user:default/ben',
    source: 'manual',
    created_at: T0 + HOUR,
    known_error: true,
    known_error_at: T0 + 2 * HOUR,
    workaround: 'Scale the workers out',
    root_cause: 'Worker pool sized for last year',
  }),
  newProblemRow({
    id: '40000000-0000-4000-8000-000000000042',
    number: PRB.pool,
    title: 'Payments lose database connections',
    statement: 'Card payments fail at peak',
    entity_ref: PAYMENTS,
    owner_ref: 'group:default/payments-team',
    category: 'capacity',
    impact: 2,
    urgency: 2,
    priority: 3,
    reporter_ref: 'user:default/ben',
    source: 'manual',
    created_at: T0 + 2 * HOUR,
    symptoms: 'Sluggish checkout pages',
    root_cause: 'Connection pool exhausted by retries',
    assignee_ref: 'user:default/ben',
  }),
  newProblemRow({
    id: '40000000-0000-4000-8000-000000000043',
    number: PRB.known,
    title: 'Orders database vacuum stalls',
    statement: 'Autovacuum cannot keep up',
    entity_ref: ORDERS_DB,
    owner_ref: 'group:default/platform-team',
    category: 'performance',
    impact: 2,
    urgency: 1,
    priority: 2,
    reporter_ref: 'user:default/ben',
    source: 'detected',
    created_at: T0 + 3 * HOUR,
    known_error: true,
    known_error_at: T0 + 4 * HOUR,
    workaround: 'Run a manual vacuum at night',
  }),
];

/** Inserts the incidents (hour 1, 2, … in the order above) and problems. */
export async function insertListFixture(knex: Knex): Promise<void> {
  await knex('itsm_incidents').insert(
    INCIDENTS.map(([number, fields], i) => incidentRow(number, i + 1, fields)),
  );
  await knex('itsm_problems').insert(PROBLEMS);
}

/** Makes every read conditional on owning payments-api's team. */
export function onlyPaymentsTeam(
  permissions: jest.Mocked<PermissionsService>,
): void {
  permissions.authorizeConditional.mockImplementation(
    async requests =>
      requests.map(({ permission }) => {
        const resourceType = permission.name.startsWith('itsm.incident')
          ? 'itsm-incident'
          : 'itsm-problem';
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'itsm',
          resourceType,
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType,
            params: { claims: ['group:default/payments-team'] },
          },
        };
      }) as any,
  );
}
