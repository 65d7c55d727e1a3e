import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';

jest.setTimeout(60_000);

const ANALYSIS_INDEXES = [
  'itsm_incidents_entity_window_idx',
  'itsm_incidents_unlinked_idx',
  'itsm_incidents_window_idx',
  'itsm_problems_fixed_idx',
];

async function indexNames(knex: Knex): Promise<string[]> {
  // Each database lists its indexes its own way.
  if (knex.client.config.client === 'pg') {
    const result = await knex.raw(
      `SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('itsm_incidents', 'itsm_problems')`,
    );
    return result.rows.map((row: { name: string }) => row.name);
  }
  const rows: { name: string }[] = await knex.raw(
    `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('itsm_incidents', 'itsm_problems')`,
  );
  return rows.map(row => row.name);
}

describe('migration 20261124110000_analysis', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'adds the analysis indexes with a row in place and removes them again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const config = { directory: MIGRATIONS_DIRECTORY };
      await knex.migrate.up({ ...config, name: '20261123140000_init.js' });
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
        status: 'resolved',
        reporter_ref: 'user:default/ben',
        source: 'manual',
        detected_at: 1_700_000_000_000,
        acknowledged_at: 1_700_000_060_000,
        resolved_at: 1_700_000_600_000,
        created_at: 1_700_000_000_000,
        updated_at: 1_700_000_000_000,
      });

      await knex.migrate.up({ ...config, name: '20261124110000_analysis.js' });
      expect(
        (await indexNames(knex))
          .filter(n => ANALYSIS_INDEXES.includes(n))
          .sort(),
      ).toEqual(ANALYSIS_INDEXES);
      const [row] = await knex('itsm_incidents')
        .where('entity_ref', 'component:default/checkout-api')
        .where('created_at', '>=', 1_699_000_000_000)
        .select(knex.raw('resolved_at - detected_at AS ms'));
      expect(Number(row.ms)).toBe(600_000);

      await knex.migrate.down(config);
      expect(
        (await indexNames(knex)).filter(n => ANALYSIS_INDEXES.includes(n)),
      ).toEqual([]);
      expect(Number((await knex('itsm_incidents').count('* as n'))[0].n)).toBe(
        1,
      );
    },
  );
});
