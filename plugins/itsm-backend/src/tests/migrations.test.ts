import { TestDatabases } from '@backstage/backend-test-utils';
import {
  applyDatabaseMigrations,
  listMigrations,
  MIGRATIONS_DIRECTORY,
} from '../database/migrations';

jest.setTimeout(60_000);

const TABLES = [
  'itsm_sequences',
  'itsm_problems',
  'itsm_incidents',
  'itsm_problem_entities',
  'itsm_action_items',
  'itsm_postmortems',
  'itsm_timeline',
];

describe('migrations', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'creates the schema, keeps rows, drops it and creates it again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);

      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      expect(await knex('itsm_sequences').orderBy('name')).toEqual([
        { name: 'incident', last_value: expect.anything() },
        { name: 'problem', last_value: expect.anything() },
      ]);
      expect((await listMigrations(knex)).pending).toEqual([]);

      await knex('itsm_incidents').insert({
        id: '11111111-1111-4111-8111-111111111111',
        number: 1,
        title: 'Checkout returns HTTP 502',
        description: 'Gateway errors',
        entity_ref: 'component:default/checkout-api',
        category: 'availability',
        impact: 2,
        urgency: 1,
        priority: 2,
        status: 'new',
        reporter_ref: 'user:default/ben',
        source: 'manual',
        detected_at: 1_700_000_000_000,
        created_at: 1_700_000_000_000,
        updated_at: 1_700_000_000_000,
      });
      const [row] = await knex('itsm_incidents').select(
        'number',
        'major',
        'occurrence_count',
        'version',
        'created_at',
      );
      expect({
        ...row,
        major: Boolean(row.major),
        created_at: Number(row.created_at),
      }).toEqual({
        number: 1,
        major: false,
        occurrence_count: 1,
        version: 1,
        created_at: 1_700_000_000_000,
      });

      await knex.migrate.rollback({ directory: MIGRATIONS_DIRECTORY }, true);
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await applyDatabaseMigrations(knex);
      expect(Number((await knex('itsm_incidents').count('* as n'))[0].n)).toBe(
        0,
      );
    },
  );
});
