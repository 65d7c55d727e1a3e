import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { Caller } from '../service/caller';
import {
  createItsmServices,
  registerPermissions,
} from '../service/createItsmServices';

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

/** A small catalog: two services on a shared database, two teams, two users. */
export const TEST_ENTITIES: Entity[] = [
  component('checkout-api', 'checkout-team'),
  component('payments-api', 'payments-team'),
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
  options: { now?: () => number; entities?: Entity[] } = {},
) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
  permissions.authorizeConditional.mockResolvedValue([
    { result: AuthorizeResult.ALLOW },
  ]);
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
    config: mockServices.rootConfig({ data: {} }),
    permissions,
    permissionsRegistry,
    catalog: catalogServiceMock({
      entities: options.entities ?? TEST_ENTITIES,
    }),
    now: options.now,
  });
  return { services, permissions };
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
