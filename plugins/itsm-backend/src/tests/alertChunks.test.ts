import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  alertmanagerWebhook,
  createTestServices,
  firingAlert,
  incidentInput,
  serviceCaller,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(300_000);

const alertmanager = serviceCaller();

/** Services on a migrated database with a clock that moves a millisecond a read. */
async function setup(knex: Knex) {
  await applyDatabaseMigrations(knex);
  let clock = Date.parse('2026-11-01T10:00:00Z');
  const { services } = createTestServices(knex, { now: () => (clock += 1) });
  return { services, knex };
}

/** A delivery of `count` new alerts, each with its own fingerprint. */
function storm(count: number, prefix = 'f') {
  return alertmanagerWebhook(
    Array.from({ length: count }, (_, i) =>
      firingAlert({
        fingerprint: `${prefix}${String(i).padStart(15, '0')}`,
        labels: {
          alertname: `Storm${i}`,
          service: 'checkout-api',
          severity: 'warning',
        },
      }),
    ),
  );
}

describe('large alert deliveries', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('opens every alert of a delivery larger than a chunk once, with gap-free numbers, and a retry counts nothing twice', async () => {
      const { services, knex } = await setup(await databases.init(databaseId));
      const delivery = storm(250);
      const first = await services.alerts.ingestAlertmanager(
        delivery,
        alertmanager,
      );
      expect(first.opened).toBe(250);
      const retry = await services.alerts.ingestAlertmanager(
        delivery,
        alertmanager,
      );
      expect(retry).toMatchObject({ opened: 0, repeated: 0 });
      const numbers = (
        await knex('itsm_incidents').orderBy('number').select('number')
      ).map(row => Number(row.number));
      expect(numbers).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
      const counts = await knex('itsm_incidents')
        .max('occurrence_count as most')
        .first();
      expect(Number(counts?.most)).toBe(1);
      expect(
        Number(
          (await knex('itsm_alert_deliveries').count('* as n').first())?.n,
        ),
      ).toBe(1);
    });
  });
});

/**
 * Head-of-line blocking on the number counter is a matter of concurrent
 * writers, which only PostgreSQL has: SQLite writes one transaction at a time.
 */
describe('large alert deliveries beside other writers', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lets a create take its number while a large delivery is still committing', async () => {
      const { services, knex } = await setup(await databases.init(databaseId));
      let deliveryDone = false;
      const delivery = services.alerts
        .ingestAlertmanager(storm(1_000), alertmanager)
        .then(result => {
          deliveryDone = true;
          return result;
        });
      // Wait for the delivery's first chunk to commit, then log an incident.
      for (let i = 0; i < 600; i++) {
        const row = await knex('itsm_incidents').count('* as n').first();
        if (Number(row?.n) > 0) {
          break;
        }
        await new Promise(resolve => setTimeout(resolve, 20));
      }
      const incident = await services.incidents.create(
        incidentInput({ title: 'Logged during the storm' }),
        userCaller('ben'),
      );
      expect(deliveryDone).toBe(false);
      expect((await delivery).opened).toBe(1_000);
      const numbers = (
        await knex('itsm_incidents').orderBy('number').select('number')
      ).map(row => Number(row.number));
      expect(numbers).toEqual(Array.from({ length: 1_001 }, (_, i) => i + 1));
      expect(incident.number).not.toBe('INC-001001');
    });
  });
});
