// @ts-check

/*
 * SLA clocks stored on each incident: per target (respond, resolve) its
 * status, target, due and warning times, time left and paused, and whether
 * the warning went out; `sla_due_at` (the soonest due time of a counting
 * clock, or the largest safe integer when none counts) orders the "due
 * soonest" list, and `sla_next_check_at` finds what the breach task must look
 * at. The spans an incident spent on hold or resolved are kept with their
 * reason, so the clocks can be computed again from detection when the
 * priority changes.
 */

const CLOCK_COLUMNS = [
  'status',
  'target_ms',
  'due_at',
  'warn_at',
  'left_ms',
  'paused_ms',
  'warned',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.integer('sla_priority').nullable();
    table.string('sla_calendar').nullable();
    for (const target of ['respond', 'resolve']) {
      table.string(`sla_${target}_status`).nullable();
      table.bigInteger(`sla_${target}_target_ms`).nullable();
      table.bigInteger(`sla_${target}_due_at`).nullable();
      table.bigInteger(`sla_${target}_warn_at`).nullable();
      table.bigInteger(`sla_${target}_left_ms`).nullable();
      table.bigInteger(`sla_${target}_paused_ms`).nullable();
      table.boolean(`sla_${target}_warned`).notNullable().defaultTo(false);
    }
    table
      .bigInteger('sla_due_at')
      .notNullable()
      .defaultTo(Number.MAX_SAFE_INTEGER);
    table.bigInteger('sla_next_check_at').nullable();
    table.index(
      ['sla_due_at', 'created_at', 'id'],
      'itsm_incidents_sla_due_idx',
    );
    table.index(['sla_next_check_at'], 'itsm_incidents_sla_check_idx');
    table.index(['sla_priority'], 'itsm_incidents_sla_priority_idx');
  });
  await knex.schema.createTable('itsm_sla_pauses', table => {
    table.bigIncrements('id').primary();
    table.uuid('incident_id').notNullable();
    table
      .string('reason')
      .notNullable()
      .comment('hold reason, or resolved until a reopen');
    table.bigInteger('started_at').notNullable();
    table.bigInteger('ended_at').nullable();
    table.index(['incident_id'], 'itsm_sla_pauses_incident_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_sla_pauses');
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(['sla_next_check_at'], 'itsm_incidents_sla_check_idx');
    table.dropIndex(['sla_priority'], 'itsm_incidents_sla_priority_idx');
    table.dropIndex(
      ['sla_due_at', 'created_at', 'id'],
      'itsm_incidents_sla_due_idx',
    );
    table.dropColumn('sla_priority');
    table.dropColumn('sla_calendar');
    for (const target of ['respond', 'resolve']) {
      for (const column of CLOCK_COLUMNS) {
        table.dropColumn(`sla_${target}_${column}`);
      }
    }
    table.dropColumn('sla_due_at');
    table.dropColumn('sla_next_check_at');
  });
};
