import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TEST_ENTITIES } from '../../__testUtils__/fixtures';
import { AlertEntityResolver, parseSelector } from './AlertEntityResolver';
import { readAlertConfig } from './alertConfig';

function resolver(alerts: object = {}, maxCachedRefs?: number) {
  const catalog = catalogServiceMock({ entities: TEST_ENTITIES });
  jest.spyOn(catalog, 'getEntityByRef');
  jest.spyOn(catalog, 'getEntities');
  return {
    catalog,
    resolver: new AlertEntityResolver({
      catalog,
      auth: mockServices.auth(),
      config: readAlertConfig(new ConfigReader({ itsm: { alerts } })),
      maxCachedRefs,
    }),
  };
}

describe('AlertEntityResolver', () => {
  it('parses selectors, ignoring malformed pairs', () => {
    expect(
      parseSelector(' service=checkout-api , env = prod,junk,=x,y='),
    ).toEqual([
      ['service', 'checkout-api'],
      ['env', 'prod'],
    ]);
  });

  it('tries the entity labels in order, then the selectors', async () => {
    const { resolver: r } = resolver();
    expect(
      await r.resolve({
        itsm_entity: 'resource:orders-db',
        service: 'checkout-api',
      }),
    ).toEqual({
      entityRef: 'resource:default/orders-db',
      ownerRef: 'group:default/platform-team',
    });
    expect(
      await r.resolve({ itsm_entity: 'ghost', service: 'checkout-api' }),
    ).toEqual({
      entityRef: 'component:default/checkout-api',
      ownerRef: 'group:default/checkout-team',
    });
    expect(await r.resolve({ team: 'payments', env: 'prod' })).toMatchObject({
      entityRef: 'component:default/payments-api',
    });
    expect(
      await r.resolve({ team: 'payments', env: 'staging' }),
    ).toBeUndefined();
    expect(await r.resolve({ component: 'Not A Ref:::' })).toBeUndefined();
  });

  it('follows the configured rules', async () => {
    const { resolver: r } = resolver({
      routing: {
        entityLabels: ['app'],
        defaultKind: 'resource',
        selectorAnnotation: false,
      },
    });
    expect(await r.resolve({ app: 'orders-db' })).toMatchObject({
      entityRef: 'resource:default/orders-db',
    });
    expect(await r.resolve({ service: 'checkout-api' })).toBeUndefined();
    expect(await r.resolve({ team: 'payments', env: 'prod' })).toBeUndefined();
  });

  it('reuses catalog answers, found or not, within the cache time', async () => {
    const { resolver: r, catalog } = resolver();
    for (let i = 0; i < 5; i++) {
      await r.resolve({ service: 'checkout-api' });
      await r.resolve({ service: 'ghost', team: 'payments', env: 'prod' });
    }
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
    expect(catalog.getEntities).toHaveBeenCalledTimes(1);
  });

  it('keeps at most the configured number of refs, dropping the least recently used', async () => {
    const { resolver: r, catalog } = resolver(
      { routing: { selectorAnnotation: false } },
      2,
    );
    const lookups = () => (catalog.getEntityByRef as jest.Mock).mock.calls;
    await r.resolve({ service: 'checkout-api' });
    await r.resolve({ service: 'ghost-1' });
    await r.resolve({ service: 'checkout-api' });
    await r.resolve({ service: 'ghost-2' });
    expect(lookups()).toHaveLength(3);
    await r.resolve({ service: 'checkout-api' });
    expect(lookups()).toHaveLength(3);
    await r.resolve({ service: 'ghost-1' });
    expect(lookups()).toHaveLength(4);
    await r.resolve({ service: 'ghost-2' });
    expect(lookups()).toHaveLength(5);
    expect(await r.resolve({ service: 'checkout-api' })).toMatchObject({
      entityRef: 'component:default/checkout-api',
    });
    expect(lookups()).toHaveLength(6);
  });

  it('answers 503 when the catalog cannot be read', async () => {
    const { resolver: r, catalog } = resolver();
    (catalog.getEntityByRef as jest.Mock).mockRejectedValueOnce(
      new Error('ECONNRESET'),
    );
    await expect(r.resolve({ service: 'checkout-api' })).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
    expect(await r.resolve({ service: 'checkout-api' })).toMatchObject({
      entityRef: 'component:default/checkout-api',
    });
  });
});
