import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';

jest.setTimeout(60_000);

const MIGRATION = '20261213090000_incident_duplicates.js';
const BEFORE = [
  '20261123140000_init.js',
  '20261124100000_alerts.js',
  '20261124110000_analysis.js',
  '20261205090000_unrouted_alert_start_and_dismissal.js',
];

function incidentRow(id: string, number: number) {
  return {
    id,
    number,
    title: 'Checkout returns HTTP 502',
    description: 'Gateway errors',
    entity_ref: 'component:default/checkout-api',
    category: 'availability',
    impact: 2,
    urgency: 1,
    priority: 2,
    status: 'resolved',
    resolution_code: 'duplicate',
    resolution_notes: 'Duplicate of INC-000001',
    reporter_ref: 'user:default/ben',
    source: 'manual',
    detected_at: 1_700_000_000_000,
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
  };
}

describe(`migration ${MIGRATION}`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'adds the original of a duplicate to kept incidents and removes it again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const config = { directory: MIGRATIONS_DIRECTORY };
      for (const name of BEFORE) {
        await knex.migrate.up({ ...config, name });
      }
      const original = '11111111-1111-4111-8111-111111111111';
      const duplicate = '22222222-2222-4222-8222-222222222222';
      await knex('itsm_incidents').insert({
        ...incidentRow(original, 1),
        status: 'in_progress',
        resolution_code: null,
        resolution_notes: null,
      });

      await knex.migrate.up({ ...config, name: MIGRATION });
      expect(
        await knex('itsm_incidents')
          .where({ id: original })
          .first('duplicate_of_id', 'duplicate_of_number'),
      ).toEqual({ duplicate_of_id: null, duplicate_of_number: null });
      await knex('itsm_incidents').insert({
        ...incidentRow(duplicate, 2),
        duplicate_of_id: original,
        duplicate_of_number: 1,
      });
      expect(
        await knex('itsm_incidents')
          .where({ duplicate_of_id: original })
          .select('id'),
      ).toEqual([{ id: duplicate }]);

      await knex.migrate.down(config);
      for (const column of ['duplicate_of_id', 'duplicate_of_number']) {
        expect({
          column,
          exists: await knex.schema.hasColumn('itsm_incidents', column),
        }).toEqual({ column, exists: false });
      }
      expect(
        await knex('itsm_incidents')
          .orderBy('number')
          .select('id', 'resolution_notes'),
      ).toEqual([
        { id: original, resolution_notes: null },
        { id: duplicate, resolution_notes: 'Duplicate of INC-000001' },
      ]);
    },
  );
});
