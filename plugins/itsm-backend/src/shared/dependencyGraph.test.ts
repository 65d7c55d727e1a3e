import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { walkDependencyGraph } from './dependencyGraph';

function service(name: string, dependsOn: string[], dependents: string[]) {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {},
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${name}-team` },
      ...dependsOn.map(target => ({
        type: 'dependsOn',
        targetRef: `component:default/${target}`,
      })),
      ...dependents.map(target => ({
        type: 'dependencyOf',
        targetRef: `component:default/${target}`,
      })),
    ],
  };
  return entity;
}

// web -> checkout -> payments -> db, and admin -> payments; db -> web closes a cycle.
const catalog = catalogServiceMock({
  entities: [
    service('web', ['checkout'], ['db']),
    service('checkout', ['payments'], ['web']),
    service('admin', ['payments'], []),
    service('payments', ['db'], ['checkout', 'admin']),
    service('db', ['web'], ['payments']),
  ],
});

async function walk(
  from: string,
  direction: 'dependencies' | 'dependents',
  maxDepth: number,
) {
  return walkDependencyGraph({
    catalog,
    credentials: mockCredentials.service(),
    from: `component:default/${from}`,
    direction,
    maxDepth,
  });
}

describe('walkDependencyGraph', () => {
  it('finds the transitive dependents of an entity with their paths and owners', async () => {
    const reached = await walk('payments', 'dependents', 3);
    expect(reached).toEqual([
      {
        entityRef: 'component:default/admin',
        ownerRef: 'group:default/admin-team',
        path: ['component:default/payments', 'component:default/admin'],
      },
      {
        entityRef: 'component:default/checkout',
        ownerRef: 'group:default/checkout-team',
        path: ['component:default/payments', 'component:default/checkout'],
      },
      {
        entityRef: 'component:default/web',
        ownerRef: 'group:default/web-team',
        path: [
          'component:default/payments',
          'component:default/checkout',
          'component:default/web',
        ],
      },
      {
        entityRef: 'component:default/db',
        ownerRef: 'group:default/db-team',
        path: [
          'component:default/payments',
          'component:default/checkout',
          'component:default/web',
          'component:default/db',
        ],
      },
    ]);
  });

  it('stops at the depth limit and never returns the start entity through a cycle', async () => {
    expect(
      (await walk('payments', 'dependents', 1)).map(r => r.entityRef),
    ).toEqual(['component:default/admin', 'component:default/checkout']);
    const all = await walk('web', 'dependencies', 10);
    expect(all.map(r => r.entityRef)).toEqual([
      'component:default/checkout',
      'component:default/payments',
      'component:default/db',
    ]);
  });

  it('returns nothing for an entity that is not in the catalog', async () => {
    expect(await walk('nowhere', 'dependencies', 3)).toEqual([]);
  });
});
