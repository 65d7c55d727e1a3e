import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { incidentInput, userCaller } from '../__testUtils__/fixtures';
import {
  CHECKOUT,
  ORDERS_DB,
  PAYMENTS,
  createTriageServices,
} from '../__testUtils__/triageFixture';

jest.setTimeout(120_000);

const ben = userCaller('ben');

describe('duplicate incidents', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services, permissions } = await createTriageServices(knex);
    const log = (overrides: Record<string, unknown>) =>
      services.incidents.create(incidentInput(overrides), ben);
    const kinds = async (id: string) =>
      (
        await services.incidents.timeline({
          idOrNumber: id,
          limit: 50,
          caller: ben,
        })
      ).items
        .filter(e => e.kind.startsWith('duplicate'))
        .map(e => [e.kind, e.field, e.newValue, e.body]);
    return { services, permissions, log, kinds };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lists open incidents on the entity and on what it depends on, matching words first', async () => {
      const { services, log } = await setup(databaseId);
      const onDb = await log({
        entityRef: ORDERS_DB,
        title: 'Orders database slow',
        description: 'Queries take seconds',
      });
      const onPayments = await log({
        entityRef: PAYMENTS,
        title: 'Card payments time out',
        description: 'Gateway answers after 30 s',
      });
      const onCheckout = await log({ title: 'Checkout page blank' });
      const closed = await log({ title: 'Checkout timeouts' });
      await services.incidents.transition({
        idOrNumber: closed.id,
        input: { version: 1, to: 'cancelled' },
        caller: ben,
      });
      await log({ entityRef: 'component:default/payments-api' });

      const byDistance = await services.duplicates.possibleDuplicates({
        entityRef: 'Component:default/Checkout-API',
        caller: ben,
      });
      expect(
        byDistance.items.map(i => [i.incident.number, i.via, i.path]),
      ).toEqual([
        [onCheckout.number, 'entity', [CHECKOUT]],
        ['INC-000005', 'dependency', [CHECKOUT, PAYMENTS]],
        [onPayments.number, 'dependency', [CHECKOUT, PAYMENTS]],
        [onDb.number, 'dependency', [CHECKOUT, PAYMENTS, ORDERS_DB]],
      ]);

      // The default description mentions the gateway: equal matches go nearest first.
      const byWords = await services.duplicates.possibleDuplicates({
        entityRef: CHECKOUT,
        text: 'payment timeouts, the gateway is slow',
        caller: ben,
      });
      expect(
        byWords.items.map(i => [i.incident.number, i.matchedWords]),
      ).toEqual([
        [onPayments.number, 2],
        [onCheckout.number, 1],
        ['INC-000005', 1],
        [onDb.number, 1],
      ]);

      const fromDb = await services.duplicates.possibleDuplicates({
        entityRef: ORDERS_DB,
        caller: ben,
      });
      expect(fromDb.items.map(i => i.incident.number)).toEqual([onDb.number]);
    });

    it('answers 404 for an entity not in the catalog and 403 when incidents may not be read', async () => {
      const { services, permissions } = await setup(databaseId);
      await expect(
        services.duplicates.possibleDuplicates({
          entityRef: 'component:default/ghost',
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(
        services.duplicates.possibleDuplicates({
          entityRef: 'ghost',
          caller: ben,
        }),
      ).rejects.toThrow(/^entityRef: 'ghost' is not an entity ref/);
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
      );
      await expect(
        services.duplicates.possibleDuplicates({
          entityRef: CHECKOUT,
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    });

    it('resolves an incident as a duplicate of another, linked both ways', async () => {
      const { services, log, kinds } = await setup(databaseId);
      const original = await log({ title: 'Checkout down' });
      const duplicate = await log({ title: 'Cannot pay' });
      const resolved = await services.incidents.transition({
        idOrNumber: duplicate.id,
        input: {
          version: 1,
          to: 'resolved',
          resolutionCode: 'duplicate',
          duplicateOf: 'inc-1',
        },
        caller: ben,
      });
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolutionCode: 'duplicate',
        resolutionNotes: 'Duplicate of INC-000001',
        duplicateOf: { id: original.id, number: 'INC-000001' },
        version: 2,
      });
      expect(await kinds(duplicate.id)).toEqual([
        [
          'duplicate_of',
          'duplicateOf',
          'INC-000001',
          'Duplicate of INC-000001',
        ],
      ]);
      expect(await kinds(original.id)).toEqual([
        [
          'duplicate_added',
          'duplicates',
          'INC-000002',
          'INC-000002 was resolved as a duplicate of this incident',
        ],
      ]);
      expect(await services.incidents.get(original.id, ben)).toMatchObject({
        duplicateOf: null,
        version: 1,
      });
      const list = await services.duplicates.duplicatesOf('INC-000001', ben);
      expect(list.items.map(i => i.number)).toEqual(['INC-000002']);

      const reopened = await services.incidents.transition({
        idOrNumber: duplicate.id,
        input: { version: 2, to: 'in_progress' },
        caller: ben,
      });
      expect(reopened).toMatchObject({
        resolutionCode: null,
        duplicateOf: null,
      });
      expect(
        (await services.duplicates.duplicatesOf(original.id, ben)).items,
      ).toEqual([]);
    });

    it.each([
      [
        { resolutionCode: 'duplicate' },
        'InputError',
        /^duplicateOf: is required/,
      ],
      [
        { resolutionCode: 'workaround', duplicateOf: 'INC-000001' },
        'InputError',
        /^duplicateOf: only when resolving with resolutionCode 'duplicate'/,
      ],
      [
        { resolutionCode: 'duplicate', duplicateOf: 'INC-000099' },
        'NotFoundError',
        /^duplicateOf: no incident 'INC-000099'/,
      ],
      [
        { resolutionCode: 'duplicate', duplicateOf: 'INC-000002' },
        'InputError',
        /^duplicateOf: an incident cannot be a duplicate of itself/,
      ],
    ])('refuses %p', async (fields, name, message) => {
      const { services, log } = await setup(databaseId);
      await log({});
      const incident = await log({});
      await expect(
        services.incidents.transition({
          idOrNumber: incident.id,
          input: {
            version: 1,
            to: 'resolved',
            resolutionNotes: 'Same',
            ...fields,
          } as any,
          caller: ben,
        }),
      ).rejects.toMatchObject({
        name,
        message: expect.stringMatching(message),
      });
      expect(await services.incidents.get(incident.id, ben)).toMatchObject({
        status: 'new',
        version: 1,
      });
    });

    it('points to the original, not to another duplicate', async () => {
      const { services, log } = await setup(databaseId);
      await log({});
      const first = await log({});
      const second = await log({});
      await services.incidents.transition({
        idOrNumber: first.id,
        input: {
          version: 1,
          to: 'resolved',
          resolutionCode: 'duplicate',
          duplicateOf: 'INC-000001',
        },
        caller: ben,
      });
      await expect(
        services.incidents.transition({
          idOrNumber: second.id,
          input: {
            version: 1,
            to: 'resolved',
            resolutionCode: 'duplicate',
            duplicateOf: first.number,
          },
          caller: ben,
        }),
      ).rejects.toThrow(
        'duplicateOf: INC-000002 is itself a duplicate of INC-000001; use INC-000001',
      );
    });
  });
});
