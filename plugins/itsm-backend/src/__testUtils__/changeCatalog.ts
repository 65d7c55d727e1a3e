import { Entity } from '@backstage/catalog-model';
import { TEST_ENTITIES } from './fixtures';

function service(name: string, dependsOn: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: 'platform-team', lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/platform-team' },
      ...dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
    ],
  };
}

/**
 * The test catalog plus a chain for change correlation:
 * checkout-api -> auth-service -> users-db.
 */
export const CHANGE_ENTITIES: Entity[] = [
  ...TEST_ENTITIES.filter(e => e.metadata.name !== 'checkout-api'),
  {
    ...service('checkout-api', ['component:default/auth-service']),
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/checkout-team' },
      { type: 'dependsOn', targetRef: 'component:default/auth-service' },
    ],
  },
  service('auth-service', ['resource:default/users-db']),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'users-db', namespace: 'default' },
    spec: { type: 'database', owner: 'platform-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
  },
];
