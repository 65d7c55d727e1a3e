import { Entity } from '@backstage/catalog-model';

function entity(
  kind: string,
  name: string,
  relations: [string, string][],
  title?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', title },
    spec: {},
    relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
  };
}

/**
 * Two systems: Shop (checkout-api, which depends on payments-api) and
 * Payments (payments-api, which depends on payments-db); and a component of
 * no system.
 */
export const STATUS_ENTITIES: Entity[] = [
  entity('System', 'shop', [], 'Shop'),
  entity('System', 'payments', [], 'Payments'),
  entity('Component', 'checkout-api', [
    ['partOf', 'system:default/shop'],
    ['dependsOn', 'component:default/payments-api'],
    ['ownedBy', 'group:default/checkout-team'],
  ]),
  entity('Component', 'storefront', [['partOf', 'system:default/shop']]),
  entity(
    'Component',
    'payments-api',
    [
      ['partOf', 'system:default/payments'],
      ['dependsOn', 'resource:default/payments-db'],
      ['ownedBy', 'group:default/payments-team'],
    ],
    'Payments API',
  ),
  entity('Resource', 'payments-db', [
    ['partOf', 'system:default/payments'],
    ['ownedBy', 'group:default/platform-team'],
  ]),
  entity('Component', 'lonely', []),
  entity('User', 'ben', []),
];
