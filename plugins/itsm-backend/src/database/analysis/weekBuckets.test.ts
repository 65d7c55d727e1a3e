import { TestDatabases } from '@backstage/backend-test-utils';
import {
  WEEK_MS,
  weekIndexOf,
  weekIndexSql,
  weekIndexesBetween,
  weekStartOfIndex,
} from './weekBuckets';

jest.setTimeout(60_000);

const MONDAY = Date.parse('2026-10-05T00:00:00.000Z');
const TIMES = [
  MONDAY - 1,
  MONDAY,
  MONDAY + 1,
  MONDAY + WEEK_MS - 1,
  MONDAY + WEEK_MS,
  Date.parse('2025-12-31T23:59:59.999Z'),
  Date.parse('2026-01-01T00:00:00.000Z'),
  Date.parse('2026-03-29T01:30:00.000Z'),
];

describe('weekBuckets', () => {
  const databases = TestDatabases.create();

  it('starts weeks on Monday 00:00 UTC', () => {
    expect(
      new Date(weekStartOfIndex(weekIndexOf(MONDAY + 3))).toISOString(),
    ).toBe('2026-10-05T00:00:00.000Z');
    expect(
      new Date(weekStartOfIndex(weekIndexOf(MONDAY - 1))).toISOString(),
    ).toBe('2026-09-28T00:00:00.000Z');
    expect(
      weekIndexesBetween(MONDAY, MONDAY + 3 * WEEK_MS).map(i =>
        new Date(weekStartOfIndex(i)).toISOString(),
      ),
    ).toEqual([
      '2026-10-05T00:00:00.000Z',
      '2026-10-12T00:00:00.000Z',
      '2026-10-19T00:00:00.000Z',
    ]);
  });

  it.each(databases.eachSupportedId())(
    'buckets times in SQL exactly as in JavaScript on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('week_probe', table => {
        table.bigInteger('ms').notNullable();
      });
      await knex('week_probe').insert(TIMES.map(ms => ({ ms })));
      const rows: { ms: number | string; week: number | string }[] = await knex(
        'week_probe',
      )
        .select('ms', knex.raw(`${weekIndexSql('ms')} AS week`))
        .orderBy('ms');
      expect(rows.map(row => [Number(row.ms), Number(row.week)])).toEqual(
        [...TIMES].sort((a, b) => a - b).map(ms => [ms, weekIndexOf(ms)]),
      );
      expect(weekIndexOf(MONDAY - 1)).toBe(weekIndexOf(MONDAY) - 1);
      expect(weekIndexOf(MONDAY + WEEK_MS - 1)).toBe(weekIndexOf(MONDAY));
    },
  );
});
