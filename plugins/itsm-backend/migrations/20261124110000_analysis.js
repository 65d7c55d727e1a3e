// @ts-check

/*
 * Indexes of the reliability analysis and of problem detection.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    // Detection scans recent incidents not yet linked to a problem.
    table.index(['problem_id', 'created_at'], 'itsm_incidents_unlinked_idx');
  });
  await knex.schema.alterTable('itsm_problems', table => {
    // Before/after-fix comparison picks problems fixed in the window.
    table.index(['resolution_code', 'resolved_at'], 'itsm_problems_fixed_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_problems', table => {
    table.dropIndex([], 'itsm_problems_fixed_idx');
  });
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex([], 'itsm_incidents_unlinked_idx');
  });
};
