// @ts-check

/*
 * An incident resolved as a duplicate points to the original: its id, and
 * its number so that every read of the incident can name it without a join
 * (numbers never change). The index serves the original's list of duplicates.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.uuid('duplicate_of_id').nullable();
    table.integer('duplicate_of_number').nullable();
    table.index(['duplicate_of_id'], 'itsm_incidents_duplicate_of_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // Duplicates keep their resolution code and notes, which name the original.
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(['duplicate_of_id'], 'itsm_incidents_duplicate_of_idx');
    table.dropColumn('duplicate_of_id');
    table.dropColumn('duplicate_of_number');
  });
};
