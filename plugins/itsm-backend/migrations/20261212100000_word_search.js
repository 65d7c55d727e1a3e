// @ts-check

/*
 * Word search over incidents and problems. On PostgreSQL each table gains
 * `search_vector`, the `simple` text-search vector of the record's number and
 * text, generated and stored by the database, with a GIN index. An
 * incident's vector also holds its entity as one lexeme, `entity ` and the
 * md5 of the entity ref, which no text produces (the parser keeps no space in
 * a lexeme): a search within entities is one tsquery, the words and any of
 * the entities, and the index intersects the entities' entries with the
 * words' (src/database/wordSearch.ts `entityLexeme`). A GIN index on
 * the vector of the title alone ranks records with every word in the title
 * first. `simple` lower-cases and keeps every word unstemmed: identifiers,
 * host names and error codes stay searchable as typed, whatever the language
 * of the text. Adding a stored column rewrites the table once. SQLite
 * searches without an index (src/database/wordSearch.ts).
 */

const VECTORS = {
  itsm_incidents: `to_tsvector('simple'::regconfig, number::text || ' ' || coalesce(title, '') || ' ' || coalesce(description, '')) || array_to_tsvector(ARRAY['entity ' || md5(entity_ref)])`,
  itsm_problems: `to_tsvector('simple'::regconfig, number::text || ' ' || coalesce(title, '') || ' ' || coalesce(statement, '') || ' ' || coalesce(symptoms, '') || ' ' || coalesce(root_cause, '') || ' ' || coalesce(workaround, ''))`,
};

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
  for (const [table, vector] of Object.entries(VECTORS)) {
    await knex.raw(
      `ALTER TABLE ${table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${vector}) STORED`,
    );
    await knex.raw(
      `CREATE INDEX ${table}_search_idx ON ${table} USING GIN (search_vector)`,
    );
    await knex.raw(
      `CREATE INDEX ${table}_title_search_idx ON ${table} USING GIN ((to_tsvector('simple'::regconfig, title)))`,
    );
    // The planner knows how common a word is only from fresh statistics.
    await knex.raw(`ANALYZE ${table}`);
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) {
    return;
  }
  for (const table of Object.keys(VECTORS)) {
    await knex.raw(`DROP INDEX ${table}_title_search_idx`);
    await knex.raw(`ALTER TABLE ${table} DROP COLUMN search_vector`);
  }
};
