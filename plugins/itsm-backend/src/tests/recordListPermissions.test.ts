import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createMigratedTestServices,
  incidentInput,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = userCaller('ben');

/**
 * The incident, problem and known error lists apply the read rules in SQL:
 * a conditional decision keeps the permitted records, a denial answers 403
 * before any record is read.
 */
describe('record lists under read rules', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services, permissions } = await createMigratedTestServices(knex);
    for (const entityRef of [
      'component:default/checkout-api',
      'component:default/payments-api',
    ]) {
      await services.incidents.create(incidentInput({ entityRef }), ben);
      const problem = await services.problems.create(
        {
          title: `Pool exhaustion on ${entityRef}`,
          statement: 'Connections run out at peak',
          entityRef,
          category: 'capacity',
          impact: 2,
          urgency: 2,
        },
        ben,
      );
      await services.problems.update({
        idOrNumber: problem.id,
        input: {
          version: 1,
          rootCause: 'Pool of 20',
          workaround: 'Restart the pods',
        },
        caller: ben,
      });
      await services.knownErrors.publish({
        idOrNumber: problem.id,
        input: { version: 2 },
        caller: ben,
      });
    }

    function decide(
      result: AuthorizeResult.DENY | AuthorizeResult.CONDITIONAL,
    ) {
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(({ permission }) => {
          if (result === AuthorizeResult.DENY) {
            return { result };
          }
          const resourceType = permission.name.startsWith('itsm.incident')
            ? 'itsm-incident'
            : 'itsm-problem';
          return {
            result,
            pluginId: 'itsm',
            resourceType,
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType,
              params: { claims: ['group:default/payments-team'] },
            },
          };
        }),
      );
    }

    async function statementsOf(action: () => Promise<unknown>) {
      const statements: string[] = [];
      const listener = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', listener);
      try {
        await action();
      } finally {
        knex.removeListener('query', listener);
      }
      return statements;
    }

    const lists = {
      incidents: () =>
        services.incidents.list({ filter: {}, limit: 10, caller: ben }),
      problems: () =>
        services.problems.list({ filter: {}, limit: 10, caller: ben }),
      knownErrors: () => services.knownErrors.list({ limit: 10, caller: ben }),
    };
    return { lists, decide, statementsOf };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps the records a conditional decision permits', async () => {
      const { lists, decide } = await setup(databaseId);
      expect((await lists.problems()).items).toHaveLength(2);
      decide(AuthorizeResult.CONDITIONAL);
      for (const list of Object.values(lists)) {
        expect((await list()).items.map(r => r.entityRef)).toEqual([
          'component:default/payments-api',
        ]);
      }
    });

    it('answers 403 without reading records when denied', async () => {
      const { lists, decide, statementsOf } = await setup(databaseId);
      decide(AuthorizeResult.DENY);
      for (const [name, list] of Object.entries(lists)) {
        const statements = await statementsOf(() =>
          expect(list()).rejects.toMatchObject({ name: 'NotAllowedError' }),
        );
        expect({ name, statements }).toEqual({ name, statements: [] });
      }
    });
  });
});
