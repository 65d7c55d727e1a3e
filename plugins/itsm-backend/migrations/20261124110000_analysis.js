// @ts-check

/*
 * Indexes of the reliability analysis and of problem detection.
 *
 * The two window indexes hold every column the analysis aggregates, so on
 * both databases a window of incidents (one entity's, or everyone's) is read
 * from the index alone instead of from rows spread over the whole table.
 */

const WINDOW_COLUMNS = [
  'created_at',
  'status',
  'priority',
  'category',
  'detected_at',
  'acknowledged_at',
  'resolved_at',
  'problem_id',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.index(WINDOW_COLUMNS, 'itsm_incidents_window_idx');
    table.index(
      ['entity_ref', ...WINDOW_COLUMNS],
      'itsm_incidents_entity_window_idx',
    );
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
    table.dropIndex([], 'itsm_incidents_entity_window_idx');
    table.dropIndex([], 'itsm_incidents_window_idx');
  });
};
