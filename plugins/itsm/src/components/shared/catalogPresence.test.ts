import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogHasEntity } from './catalogPresence';

describe('catalogHasEntity', () => {
  it('asks for the refs of one tick in one request and remembers the answers', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'alice.nguyen', namespace: 'default' },
        },
      ],
    });
    const getEntitiesByRefs = jest.spyOn(catalogApi, 'getEntitiesByRefs');

    await expect(
      Promise.all([
        catalogHasEntity(catalogApi, 'user:default/alice.nguyen'),
        catalogHasEntity(catalogApi, 'user:default/gone'),
      ]),
    ).resolves.toEqual([true, false]);
    await expect(
      catalogHasEntity(catalogApi, 'user:default/alice.nguyen'),
    ).resolves.toBe(true);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
  });

  it('counts a failed lookup as absent, and asks again next time', async () => {
    const catalogApi = catalogApiMock.mock({
      getEntitiesByRefs: jest
        .fn()
        .mockRejectedValueOnce(new Error('catalog down'))
        .mockResolvedValueOnce({ items: [{ kind: 'User' }] }),
    });
    await expect(
      catalogHasEntity(catalogApi, 'user:default/alice.nguyen'),
    ).resolves.toBe(false);
    await expect(
      catalogHasEntity(catalogApi, 'user:default/alice.nguyen'),
    ).resolves.toBe(true);
  });
});
