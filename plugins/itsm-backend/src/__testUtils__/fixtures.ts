import { JsonObject } from '@backstage/types';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { Caller } from '../shared/caller';
import { createItsmServices } from '../services/createItsmServices';
import { registerPermissions } from '../services/registerPermissions';

function component(
  name: string,
  owner: string,
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

/** A small catalog: two services on a shared database, two teams, two users. */
export const TEST_ENTITIES: Entity[] = [
  component('checkout-api', 'checkout-team'),
  component('payments-api', 'payments-team', {
    'itsm.backstage.io/alert-selector': 'team=payments, env=prod',
  }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'orders-db', namespace: 'default' },
    spec: { type: 'database', owner: 'platform-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
  },
  {
    apiVersion: 'backstage.io/v1',
    kind: 'User',
    metadata: { name: 'ben', namespace: 'default' },
    spec: { memberOf: ['checkout-team'] },
  },
  {
    apiVersion: 'backstage.io/v1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default' },
    spec: { memberOf: ['payments-team'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'checkout-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

/** A signed-in user as the services see them. */
export function userCaller(name: string): Caller {
  const userEntityRef = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(userEntityRef),
    actorRef: userEntityRef,
  };
}

/** Services on a real database, with a fake catalog and a permission mock. */
export function createTestServices(
  knex: Knex,
  options: {
    now?: () => number;
    entities?: Entity[];
    config?: JsonObject;
  } = {},
) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  );
  permissions.authorizeConditional.mockImplementation(async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  );
  const permissionsRegistry = mockServices.permissionsRegistry.mock();
  const rulesets = new Map<string, any>();
  permissionsRegistry.addResourceType.mockImplementation((opts: any) => {
    rulesets.set(opts.resourceRef.resourceType, {
      getRuleByName: (name: string) =>
        opts.rules.find((rule: any) => rule.name === name),
    });
  });
  permissionsRegistry.getPermissionRuleset.mockImplementation((ref: any) =>
    rulesets.get(ref.resourceType),
  );
  registerPermissions({ knex, permissionsRegistry });
  const services = createItsmServices({
    knex,
    config: mockServices.rootConfig({ data: options.config ?? {} }),
    permissions,
    permissionsRegistry,
    catalog: catalogServiceMock({
      entities: options.entities ?? TEST_ENTITIES,
    }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    now: options.now,
  });
  return { services, permissions };
}

/**
 * Services on a freshly migrated test database, with a clock that starts at
 * 2026-11-01T10:00Z and moves a minute each time it is read.
 */
export async function createMigratedTestServices(
  knex: Knex,
  options: { config?: JsonObject; entities?: Entity[] } = {},
) {
  await applyDatabaseMigrations(knex);
  let clock = Date.parse('2026-11-01T10:00:00Z');
  return createTestServices(knex, {
    now: () => (clock += 60_000),
    config: options.config,
    entities: options.entities,
  });
}

/**
 * Services for alert ingestion on a freshly migrated database, configured
 * with `itsm.alerts`, and readers of an alert's incidents and of a timeline.
 */
export async function createAlertTestServices(
  knex: Knex,
  alerts: JsonObject = {},
) {
  const { services, permissions } = await createMigratedTestServices(knex, {
    config: { itsm: { alerts } },
  });
  const reader = userCaller('ben');
  const incidentsOf = async (dedupKey: string) =>
    (
      await services.incidents.list({ filter: {}, limit: 100, caller: reader })
    ).items.filter(i => i.dedupKey === dedupKey);
  const timelineOf = async (number: string) =>
    (
      await services.incidents.timeline({
        idOrNumber: number,
        limit: 100,
        caller: reader,
      })
    ).items;
  return { knex, services, permissions, incidentsOf, timelineOf };
}

/** A valid body for logging an incident on checkout-api. */
export function incidentInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Checkout returns HTTP 502',
    description: '4% of checkout requests fail at the gateway',
    entityRef: 'component:default/checkout-api',
    category: 'availability',
    impact: 2 as const,
    urgency: 1 as const,
    ...overrides,
  };
}

/** A service caller such as Alertmanager with an external access token. */
export function serviceCaller(subject = 'external:alertmanager'): Caller {
  return {
    credentials: mockCredentials.service(subject),
    actorRef: `service:${subject}`,
  };
}

/** One alert of an Alertmanager webhook. */
export function firingAlert(overrides: Record<string, unknown> = {}) {
  return {
    status: 'firing',
    labels: {
      alertname: 'HighErrorRate',
      service: 'checkout-api',
      severity: 'critical',
    },
    annotations: { summary: '5% of checkout requests fail' },
    startsAt: '2026-11-01T09:58:00Z',
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph?g0.expr=errors',
    fingerprint: 'a1b2c3d4e5f60718',
    ...overrides,
  };
}

/** An Alertmanager webhook (version 4) carrying the given alerts. */
export function alertmanagerWebhook(alerts: object[]) {
  return {
    version: '4',
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'itsm',
    groupLabels: { alertname: 'HighErrorRate' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts,
  };
}

/** A PagerDuty Events API v2 event. */
export function eventsV2(overrides: Record<string, unknown> = {}) {
  return {
    routing_key: 'R0UT1NGKEY0000000000000000000000',
    event_action: 'trigger',
    dedup_key: 'payments-latency',
    payload: {
      summary: 'p99 latency of payments-api above 2 s',
      source: 'prometheus',
      severity: 'warning',
      component: 'payments-api',
      group: 'payments',
      class: 'latency',
      custom_details: { p99: '2.4s' },
    },
    ...overrides,
  };
}
