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
  'itsm_unrouted_alerts',
  'itsm_alert_deliveries',
  'itsm_outbox',
  'itsm_followers',
  'itsm_cadence_reminders',
  'itsm_changes',
  'itsm_change_incidents',
  'itsm_change_weeks',
  'itsm_change_correlated',
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

  it.each(databases.eachSupportedId())(
    'gives open alert incidents their dedup key, newest first, and takes it back down on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({
        directory: MIGRATIONS_DIRECTORY,
        name: '20261123140000_init.js',
      });
      const incident = (
        n: number,
        status: string,
        dedupKey: string | null,
        createdAt: number,
      ) => ({
        id: `11111111-1111-4111-8111-${String(n).padStart(12, '0')}`,
        number: n,
        title: `Incident ${n}`,
        description: 'From an alert',
        entity_ref: 'component:default/checkout-api',
        category: 'availability',
        impact: 2,
        urgency: 1,
        priority: 2,
        status,
        reporter_ref: 'service:alertmanager',
        source: 'alertmanager',
        dedup_key: dedupKey,
        detected_at: createdAt,
        created_at: createdAt,
        updated_at: createdAt,
      });
      await knex('itsm_incidents').insert([
        incident(1, 'new', 'fp-a', 1_700_000_000_000),
        incident(2, 'in_progress', 'fp-a', 1_700_000_100_000),
        incident(3, 'resolved', 'fp-b', 1_700_000_000_000),
        incident(4, 'on_hold', 'fp-c', 1_700_000_000_000),
        incident(5, 'new', null, 1_700_000_000_000),
      ]);

      await knex.migrate.up({
        directory: MIGRATIONS_DIRECTORY,
        name: '20261124100000_alerts.js',
      });
      const keys = await knex('itsm_incidents')
        .orderBy('number')
        .select('number', 'open_dedup_key');
      expect(keys).toEqual([
        { number: 1, open_dedup_key: null },
        { number: 2, open_dedup_key: 'alertmanager:fp-a' },
        { number: 3, open_dedup_key: null },
        { number: 4, open_dedup_key: 'alertmanager:fp-c' },
        { number: 5, open_dedup_key: null },
      ]);
      const duplicate = await knex('itsm_incidents')
        .where({ number: 1 })
        .update({ open_dedup_key: 'alertmanager:fp-a' })
        .then(
          () => 'accepted',
          (error: Error) => error.message,
        );
      expect(duplicate).toMatch(/unique/i);

      await knex.migrate.down({ directory: MIGRATIONS_DIRECTORY });
      expect(
        await knex.schema.hasColumn('itsm_incidents', 'open_dedup_key'),
      ).toBe(false);
      expect(await knex.schema.hasTable('itsm_unrouted_alerts')).toBe(false);
      expect(await knex.schema.hasTable('itsm_alert_deliveries')).toBe(false);
      expect(Number((await knex('itsm_incidents').count('* as n'))[0].n)).toBe(
        5,
      );
    },
  );
});
