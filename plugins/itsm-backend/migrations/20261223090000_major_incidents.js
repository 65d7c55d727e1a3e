// @ts-check

/*
 * Declared major incidents with their roles, the review status of
 * postmortems (with the indexes of the postmortem list, newest first, all or
 * by status), and the entities an incident affects besides its primary one,
 * indexed by entity for the entity tabs, the analysis and the status page.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.bigInteger('declared_at').nullable();
    table.string('commander_ref').nullable();
    table.string('communications_lead_ref').nullable();
  });
  await knex.schema.alterTable('itsm_postmortems', table => {
    table.string('status').notNullable().defaultTo('draft');
    table.index(['updated_at', 'incident_id'], 'itsm_postmortems_updated_idx');
    table.index(
      ['status', 'updated_at', 'incident_id'],
      'itsm_postmortems_status_idx',
    );
  });
  await knex.schema.createTable('itsm_incident_entities', table => {
    table.comment('Entities an incident affects besides its primary entity');
    table
      .uuid('incident_id')
      .notNullable()
      .references('id')
      .inTable('itsm_incidents');
    table.string('entity_ref').notNullable();
    table.bigInteger('added_at').notNullable();
    table.primary(['incident_id', 'entity_ref']);
    table.index(
      ['entity_ref', 'incident_id'],
      'itsm_incident_entities_ref_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_incident_entities');
  await knex.schema.alterTable('itsm_postmortems', table => {
    table.dropIndex(
      ['status', 'updated_at', 'incident_id'],
      'itsm_postmortems_status_idx',
    );
    table.dropIndex(
      ['updated_at', 'incident_id'],
      'itsm_postmortems_updated_idx',
    );
    table.dropColumn('status');
  });
  // A plain DROP COLUMN: knex rebuilds a SQLite table to drop a column,
  // which the foreign keys of postmortems and action items refuse.
  for (const column of [
    'declared_at',
    'commander_ref',
    'communications_lead_ref',
  ]) {
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['itsm_incidents', column]);
  }
};
