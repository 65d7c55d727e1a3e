import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { SignalPayload } from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  DispatcherTuning,
  OutboxDispatcher,
} from '../services/notifications/OutboxDispatcher';
import { readNotificationConfig } from '../services/notifications/notificationConfig';
import { createTestServices } from './fixtures';

function service(options: {
  name: string;
  owner: string;
  dependsOn?: string[];
  dependents?: string[];
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: options.name, namespace: 'default' },
    spec: { type: 'service', owner: options.owner, lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${options.owner}` },
      ...(options.dependsOn ?? []).map(target => ({
        type: 'dependsOn',
        targetRef: `component:default/${target}`,
      })),
      ...(options.dependents ?? []).map(target => ({
        type: 'dependencyOf',
        targetRef: `component:default/${target}`,
      })),
    ],
  };
}

function user(name: string, team: string): Entity {
  return {
    apiVersion: 'backstage.io/v1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: [team] },
  };
}

/**
 * web-shop -> checkout-api -> payments-api <- admin-api: two teams' services
 * depend on payments-api, one of them through checkout-api.
 */
export const DEPENDENCY_ENTITIES: Entity[] = [
  service({
    name: 'payments-api',
    owner: 'payments-team',
    dependents: ['checkout-api', 'admin-api'],
  }),
  service({
    name: 'checkout-api',
    owner: 'checkout-team',
    dependsOn: ['payments-api'],
    dependents: ['web-shop'],
  }),
  service({
    name: 'admin-api',
    owner: 'payments-team',
    dependsOn: ['payments-api'],
  }),
  service({ name: 'web-shop', owner: 'web-team', dependsOn: ['checkout-api'] }),
  user('ben', 'checkout-team'),
  user('alice', 'payments-team'),
  user('carol', 'web-team'),
];

/**
 * Services and an outbox dispatcher on a freshly migrated database, with
 * notification and signal mocks and a clock moved by hand.
 */
export async function createNotificationHarness(
  knex: Knex,
  options: {
    config?: JsonObject;
    tuning?: Partial<DispatcherTuning>;
  } = {},
) {
  await applyDatabaseMigrations(knex);
  const clock = { now: Date.parse('2026-11-01T10:00:00Z') };
  const now = () => clock.now;
  const config: JsonObject = { itsm: { notifications: options.config ?? {} } };
  const { services, permissions } = createTestServices(knex, {
    now,
    entities: DEPENDENCY_ENTITIES,
    config,
  });
  const notifications = {
    send: jest.fn(async (_: NotificationSendOptions) => {}),
  };
  const signals = { publish: jest.fn(async (_: SignalPayload) => {}) };
  const logger = mockServices.logger.mock();
  const newDispatcher = () =>
    new OutboxDispatcher({
      db: knex,
      catalog: catalogServiceMock({ entities: DEPENDENCY_ENTITIES }),
      auth: mockServices.auth(),
      logger,
      config: readNotificationConfig(mockServices.rootConfig({ data: config })),
      notifications,
      signals,
      now,
      tuning: options.tuning,
    });
  const sentPayloads = () =>
    notifications.send.mock.calls.map(([sent]) => ({
      to: (sent.recipients as { entityRef: string[] }).entityRef,
      topic: sent.payload.topic,
      title: sent.payload.title,
    }));
  return {
    services,
    permissions,
    clock,
    notifications,
    signals,
    logger,
    dispatcher: newDispatcher(),
    newDispatcher,
    sentPayloads,
  };
}
