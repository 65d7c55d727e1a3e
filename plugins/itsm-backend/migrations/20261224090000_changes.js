// @ts-check

/*
 * Change events (deploys, config pushes, flag flips, migrations) and which
 * incidents followed them: the correlation rows are written once per
 * incident, after a walk of its dependencies, so DORA figures, the problem
 * view and detection read them with plain indexed SQL.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_changes', table => {
    table.uuid('id').primary();
    table.string('source').notNullable().comment('native or pagerduty');
    table.string('dedup_key').notNullable();
    table.string('entity_ref').nullable().comment('null while unrouted');
    table.string('owner_ref').nullable();
    table.string('kind').notNullable();
    table.text('summary').notNullable();
    table.string('version').nullable();
    table.string('author').nullable();
    table.text('links').notNullable().comment('JSON array of { href, text }');
    table.text('labels').notNullable().comment('JSON object');
    table.bigInteger('occurred_at').notNullable();
    table.bigInteger('received_at').notNullable();
    table.string('actor_ref').notNullable();
    table
      .bigInteger('failed_at')
      .nullable()
      .comment(
        'when an incident within the failure window made it a failed deploy',
      );
    table.unique(['source', 'dedup_key'], {
      indexName: 'itsm_changes_dedup_idx',
    });
    table.index(['entity_ref', 'occurred_at'], 'itsm_changes_entity_idx');
    table.index(['kind', 'occurred_at'], 'itsm_changes_kind_idx');
    table.index(['occurred_at'], 'itsm_changes_occurred_idx');
    table.index(['received_at'], 'itsm_changes_received_idx');
  });
  await knex.schema.createTable('itsm_change_incidents', table => {
    table.uuid('change_id').notNullable();
    table.uuid('incident_id').notNullable();
    table.string('change_entity_ref').notNullable();
    table.string('change_kind').notNullable();
    table.bigInteger('change_at').notNullable();
    table
      .bigInteger('gap_ms')
      .notNullable()
      .comment('from the change to the incident detection');
    table.text('path').notNullable().comment('JSON array of entity refs');
    table.primary(['change_id', 'incident_id']);
    table.index(['incident_id'], 'itsm_change_incidents_incident_idx');
    table.index(['change_kind', 'change_at'], 'itsm_change_incidents_kind_idx');
  });
  // Weekly deploy counts per entity, kept in step with itsm_changes so DORA
  // figures of a large organisation read weeks × entities, not every deploy.
  await knex.schema.createTable('itsm_change_weeks', table => {
    table.string('entity_ref').notNullable();
    table
      .bigInteger('week')
      .notNullable()
      .comment('UTC week index from Monday 1970-01-05');
    table.integer('deploys').notNullable();
    table.integer('failed_deploys').notNullable();
    table.primary(['entity_ref', 'week']);
    table.index(['week'], 'itsm_change_weeks_week_idx');
  });
  await knex.schema.createTable('itsm_change_correlated', table => {
    table.uuid('incident_id').primary();
    table.bigInteger('correlated_at').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_change_correlated');
  await knex.schema.dropTable('itsm_change_weeks');
  await knex.schema.dropTable('itsm_change_incidents');
  await knex.schema.dropTable('itsm_changes');
};
