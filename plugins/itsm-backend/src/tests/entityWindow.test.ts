import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { readWithinWindow } from '../database/entityWindow';
import { applyDatabaseMigrations } from '../database/migrations';
import { IncidentRow } from '../database/tables';
import { incidentRow } from '../__testUtils__/listFixture';

jest.setTimeout(60_000);

/** Thirty incidents of one entity, INC-30 newest; every third about a disk. */
async function insertIncidents(knex: Knex) {
  await knex('itsm_incidents').insert(
    Array.from({ length: 30 }, (_, i) =>
      incidentRow(i + 1, i + 1, {
        title: (i + 1) % 3 === 0 ? 'disk full' : 'cpu busy',
        entity_ref: 'component:default/checkout-api',
      }),
    ),
  );
}

describe('readWithinWindow', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads the matches among the next records, or says the window does not suffice, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await insertIncidents(knex);
      const [after] = await knex<IncidentRow>('itsm_incidents').where(
        'number',
        22,
      );
      const read = async (
        options: { limit: number; windowRows: number },
        cursor?: IncidentRow,
      ) => {
        const rows = await readWithinWindow<IncidentRow>({
          db: knex,
          table: 'itsm_incidents',
          base: () =>
            knex('itsm_incidents')
              .select('*')
              .where('entity_ref', 'component:default/checkout-api'),
          where: query => query.where('itsm_incidents.title', 'like', '%disk%'),
          order: {
            columns: ['itsm_incidents.created_at'],
            idColumn: 'itsm_incidents.id',
            order: 'desc',
            keys: cursor ? [Number(cursor.created_at)] : undefined,
            id: cursor?.id,
          },
          ...options,
        });
        return rows?.map(row => [row.number, Object.keys(row).length]);
      };
      const columns = Object.keys(after).length;
      // The newest ten hold three disks: enough for three.
      expect(await read({ limit: 3, windowRows: 10 })).toEqual(
        [30, 27, 24].map(n => [n, columns]),
      );
      // Not enough for five, and older records may hold more.
      expect(await read({ limit: 5, windowRows: 10 })).toBeUndefined();
      // The window holds every record: all ten disks, and no more to find.
      expect(await read({ limit: 25, windowRows: 100 })).toEqual(
        [30, 27, 24, 21, 18, 15, 12, 9, 6, 3].map(n => [n, columns]),
      );
      // After INC-22 the window is INC-21 to INC-17.
      expect(await read({ limit: 2, windowRows: 5 }, after)).toEqual(
        [21, 18].map(n => [n, columns]),
      );
      expect(await read({ limit: 3, windowRows: 5 }, after)).toBeUndefined();
    },
  );
});
