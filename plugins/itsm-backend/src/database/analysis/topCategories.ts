import { Knex } from 'knex';
import { AnalysisFilter, incidentsInWindow } from './analysisScope';

/** How many categories the analysis lists. */
export const TOP_CATEGORY_COUNT = 10;

/** The most frequent incident categories of the window, ties by name. */
export async function topCategories(
  db: Knex,
  filter: AnalysisFilter,
): Promise<{ category: string; count: number }[]> {
  const rows: { category: string; count: number | string }[] =
    await incidentsInWindow(db, filter)
      .groupBy('category')
      .select('category', db.raw('COUNT(*) AS count'))
      .orderByRaw('COUNT(*) DESC, category ASC')
      .limit(TOP_CATEGORY_COUNT);
  return rows.map(row => ({
    category: row.category,
    count: Number(row.count),
  }));
}
