// @ts-check

/*
 * Notifications: an outbox written in the same transaction as the timeline,
 * so a notice is sent once the change commits and never for a change that
 * rolled back; the followers of records and entities; and the silences of P1
 * incidents already reminded of, so one silence gets one reminder.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_outbox', table => {
    table.bigIncrements('id').primary();
    table.string('record_type').notNullable();
    table.string('record_id').notNullable();
    table.text('timeline_ids').notNullable().comment('JSON array of ids');
    table.bigInteger('created_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.bigInteger('next_attempt_at').notNullable();
    table.bigInteger('claimed_until').nullable();
    table.text('sent_keys').nullable().comment('JSON array, kept on retry');
    table.text('last_error').nullable();
    table.index(['next_attempt_at'], 'itsm_outbox_next_attempt_idx');
  });
  await knex.schema.createTable('itsm_followers', table => {
    table
      .string('target_type')
      .notNullable()
      .comment('incident, problem or entity');
    table
      .string('target_id')
      .notNullable()
      .comment('record uuid or entity ref');
    table.string('user_ref').notNullable();
    table.bigInteger('created_at').notNullable();
    table.primary(['target_type', 'target_id', 'user_ref']);
  });
  await knex.schema.createTable('itsm_cadence_reminders', table => {
    table.string('incident_id').primary();
    table.bigInteger('silence_since').notNullable();
    table.bigInteger('reminded_at').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_cadence_reminders');
  await knex.schema.dropTable('itsm_followers');
  await knex.schema.dropTable('itsm_outbox');
};
