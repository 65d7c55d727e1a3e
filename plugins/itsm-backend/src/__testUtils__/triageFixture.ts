import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { TEST_ENTITIES, createMigratedTestServices } from './fixtures';

const DEPENDS_ON: Record<string, string> = {
  'checkout-api': 'component:default/payments-api',
  'payments-api': 'resource:default/orders-db',
};

/**
 * The test catalog with a chain of dependencies: checkout-api depends on
 * payments-api, which depends on orders-db.
 */
export const TRIAGE_ENTITIES: Entity[] = TEST_ENTITIES.map(entity => {
  const target = DEPENDS_ON[entity.metadata.name];
  return target
    ? {
        ...entity,
        relations: [
          ...(entity.relations ?? []),
          { type: 'dependsOn', targetRef: target },
        ],
      }
    : entity;
});

export const CHECKOUT = 'component:default/checkout-api';
export const PAYMENTS = 'component:default/payments-api';
export const ORDERS_DB = 'resource:default/orders-db';

/** Migrated test services over the catalog with the dependency chain. */
export function createTriageServices(knex: Knex) {
  return createMigratedTestServices(knex, { entities: TRIAGE_ENTITIES });
}
