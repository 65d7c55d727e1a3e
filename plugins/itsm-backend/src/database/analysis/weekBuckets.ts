/** One week in milliseconds. */
export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Monday 1970-01-05T00:00Z: the epoch itself fell on a Thursday. */
const FIRST_MONDAY_MS = 4 * 24 * 60 * 60 * 1000;

/**
 * SQL for the index of the UTC week (Monday to Monday) holding an epoch-ms
 * column. The only place weeks are bucketed: plain integer arithmetic, which
 * SQLite and PostgreSQL evaluate alike, unlike their date functions. The cast
 * keeps SQLite's division integral should a value be stored as a real.
 */
export function weekIndexSql(column: string): string {
  return `CAST((${column} - ${FIRST_MONDAY_MS}) / ${WEEK_MS} AS BIGINT)`;
}

/** Start of a week index from {@link weekIndexSql}, as epoch ms. */
export function weekStartOfIndex(index: number): number {
  return index * WEEK_MS + FIRST_MONDAY_MS;
}

/** The week index of an epoch-ms time, as {@link weekIndexSql} computes it. */
export function weekIndexOf(ms: number): number {
  return Math.trunc((ms - FIRST_MONDAY_MS) / WEEK_MS);
}

/** Every week index a window `[from, to)` touches, in order. */
export function weekIndexesBetween(from: number, to: number): number[] {
  const first = weekIndexOf(from);
  const last = weekIndexOf(to - 1);
  const indexes: number[] = [];
  for (let index = first; index <= last; index++) {
    indexes.push(index);
  }
  return indexes;
}
