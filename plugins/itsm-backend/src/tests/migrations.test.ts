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
    'creates and drops the schema on %p',
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

      await knex.migrate.rollback({ directory: MIGRATIONS_DIRECTORY }, true);
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await knex.destroy();
    },
  );
});
