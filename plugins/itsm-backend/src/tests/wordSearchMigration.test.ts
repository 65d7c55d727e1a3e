import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { entityLexeme } from '../database/wordSearch';
import { incidentRow } from '../__testUtils__/listFixture';

jest.setTimeout(60_000);

const BEFORE = [
  '20261123140000_init.js',
  '20261124100000_alerts.js',
  '20261124110000_analysis.js',
  '20261205090000_unrouted_alert_start_and_dismissal.js',
];

describe('migration 20261212100000_word_search', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function migrateWithAnIncident(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const knex = await databases.init(databaseId);
    for (const name of BEFORE) {
      await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY, name });
    }
    await knex('itsm_incidents').insert(
      incidentRow(7, 1, {
        title: 'api-gateway returns HTTP 503',
        entity_ref: 'component:default/checkout-api',
      }),
    );
    await knex.migrate.up({
      directory: MIGRATIONS_DIRECTORY,
      name: '20261212100000_word_search.js',
    });
    return knex;
  }

  it.each(databases.eachSupportedId())(
    'adds the vectors on PostgreSQL only, keeps every row, and takes them back down on %p',
    async databaseId => {
      const knex = await migrateWithAnIncident(databaseId);
      const postgres = databaseId === 'POSTGRES_16';
      for (const table of ['itsm_incidents', 'itsm_problems']) {
        expect(await knex.schema.hasColumn(table, 'search_vector')).toBe(
          postgres,
        );
      }
      await knex.migrate.down({ directory: MIGRATIONS_DIRECTORY });
      for (const table of ['itsm_incidents', 'itsm_problems']) {
        expect(await knex.schema.hasColumn(table, 'search_vector')).toBe(false);
      }
      expect(await knex('itsm_incidents').pluck('number')).toEqual([7]);
    },
  );

  it('indexes the words and the entity of existing incidents on PostgreSQL', async () => {
    if (!databases.eachSupportedId().flat().includes('POSTGRES_16')) {
      throw new Error(
        'set BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING',
      );
    }
    const knex = await migrateWithAnIncident('POSTGRES_16');
    const [row] = await knex('itsm_incidents').select(
      knex.raw(`search_vector::text as vector`),
    );
    // The database computes the entity's lexeme as the search does.
    const entity = entityLexeme('component:default/checkout-api');
    expect(row.vector).toBe(
      `'503':7 '7':1 'api':3 'api-gateway':2 '${entity}' 'fixture':8 'gateway':4 'http':6 'returns':5`,
    );
    const indexes = await knex('pg_indexes')
      .whereIn('tablename', ['itsm_incidents', 'itsm_problems'])
      .andWhere('indexname', 'like', '%search_idx')
      .orderBy('indexname')
      .pluck('indexname');
    expect(indexes).toEqual([
      'itsm_incidents_search_idx',
      'itsm_incidents_title_search_idx',
      'itsm_problems_search_idx',
      'itsm_problems_title_search_idx',
    ]);
  });
});
