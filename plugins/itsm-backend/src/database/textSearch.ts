import { Knex } from 'knex';

/**
 * Case-insensitive substring match over the given columns. LIKE wildcards in
 * the user's text are escaped so `50%` matches literally.
 */
export function whereTextMatches(
  query: Knex.QueryBuilder,
  options: { columns: string[]; text: string },
): Knex.QueryBuilder {
  const { columns, text } = options;
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
  return query.where(inner => {
    for (const column of columns) {
      inner.orWhereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [column, pattern]);
    }
  });
}
