// @ts-check

/*
 * Word search over incidents and problems: on PostgreSQL, GIN indexes on the
 * `simple` text-search vector of each record's number and text, so a search
 * reads the index instead of every row, and on that of the title alone, which
 * ranks records with every word in the title first. The query side repeats these
 * expressions exactly (src/database/wordSearch.ts), which is how PostgreSQL
 * matches a query to an expression index. `simple` lower-cases and keeps every
 * word unstemmed: identifiers, host names and error codes stay searchable as
 * typed, whatever the language of the text. SQLite searches without an index.
 */

const INCIDENT_VECTOR = `to_tsvector('simple'::regconfig, number::text || ' ' || coalesce(title, '') || ' ' || coalesce(description, ''))`;
const PROBLEM_VECTOR = `to_tsvector('simple'::regconfig, number::text || ' ' || coalesce(title, '') || ' ' || coalesce(statement, '') || ' ' || coalesce(symptoms, '') || ' ' || coalesce(root_cause, '') || ' ' || coalesce(workaround, ''))`;

/**
 * @param {import('knex').Knex} knex
 */
function isPostgres(knex) {
  return ['pg', 'postgres', 'postgresql'].includes(
    String(knex.client.config.client),
  );
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isPostgres(knex)) {
    return;
  }
  await knex.raw(
    `CREATE INDEX itsm_incidents_search_idx ON itsm_incidents USING GIN ((${INCIDENT_VECTOR}))`,
  );
  await knex.raw(
    `CREATE INDEX itsm_problems_search_idx ON itsm_problems USING GIN ((${PROBLEM_VECTOR}))`,
  );
  for (const table of ['itsm_incidents', 'itsm_problems']) {
    await knex.raw(
      `CREATE INDEX ${table}_title_search_idx ON ${table} USING GIN ((to_tsvector('simple'::regconfig, title)))`,
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) {
    return;
  }
  await knex.raw('DROP INDEX itsm_problems_title_search_idx');
  await knex.raw('DROP INDEX itsm_incidents_title_search_idx');
  await knex.raw('DROP INDEX itsm_problems_search_idx');
  await knex.raw('DROP INDEX itsm_incidents_search_idx');
};
