import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';

jest.setTimeout(60_000);

const MIGRATION = '20261205090000_unrouted_alert_start_and_dismissal.js';
const NEW_COLUMNS = [
  'started_at',
  'dismissed_by',
  'dismissed_at',
  'dismiss_reason',
];

function inboxRow(id: string, fingerprint: string) {
  return {
    id,
    source: 'alertmanager',
    dedup_key: fingerprint,
    open_dedup_key: `alertmanager:${fingerprint}`,
    title: 'NodeDown',
    description: 'node-7 is down',
    severity: 'info',
    impact: 3,
    urgency: 3,
    labels: '{"alertname":"NodeDown"}',
    status: 'pending',
    occurrence_count: 1,
    first_seen_at: 1_700_000_000_000,
    last_seen_at: 1_700_000_000_000,
    reporter_ref: 'service:external:alertmanager',
  };
}

describe(`migration ${MIGRATION}`, () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'adds the start and dismissal columns to kept alerts and removes them again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const config = { directory: MIGRATIONS_DIRECTORY };
      await knex.migrate.up({ ...config, name: '20261123140000_init.js' });
      await knex.migrate.up({ ...config, name: '20261124100000_alerts.js' });
      await knex.migrate.up({ ...config, name: '20261124110000_analysis.js' });
      const pending = '11111111-1111-4111-8111-111111111111';
      const later = '22222222-2222-4222-8222-222222222222';
      await knex('itsm_unrouted_alerts').insert(inboxRow(pending, 'a1'));

      await knex.migrate.up({ ...config, name: MIGRATION });
      const [kept] = await knex('itsm_unrouted_alerts').where({ id: pending });
      expect(kept).toMatchObject({
        status: 'pending',
        started_at: null,
        dismissed_by: null,
        dismissed_at: null,
        dismiss_reason: null,
      });
      await knex('itsm_unrouted_alerts').insert({
        ...inboxRow(later, 'b2'),
        status: 'dismissed',
        open_dedup_key: null,
        started_at: 1_699_999_000_000,
        dismissed_by: 'user:default/ben',
        dismissed_at: 1_700_000_100_000,
        dismiss_reason: 'Lab node',
      });

      await knex.migrate.down(config);
      for (const column of NEW_COLUMNS) {
        expect({
          column,
          exists: await knex.schema.hasColumn('itsm_unrouted_alerts', column),
        }).toEqual({ column, exists: false });
      }
      // The schema before knows no dismissal: a dismissed alert waits again.
      expect(
        await knex('itsm_unrouted_alerts')
          .orderBy('id')
          .select('id', 'status', 'open_dedup_key'),
      ).toEqual([
        { id: pending, status: 'pending', open_dedup_key: 'alertmanager:a1' },
        { id: later, status: 'pending', open_dedup_key: null },
      ]);
    },
  );
});
