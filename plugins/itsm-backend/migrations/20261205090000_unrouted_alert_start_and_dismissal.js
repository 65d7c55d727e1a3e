// @ts-check

/*
 * Unrouted alerts keep when the alert started firing, as the sender says
 * (Alertmanager `startsAt`, Events v2 `payload.timestamp`), so assigning one
 * dates its incident like a routed alert's. They may also be dismissed with a
 * reason: status `dismissed`, who and when, the row kept.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_unrouted_alerts', table => {
    table.bigInteger('started_at').nullable();
    table.string('dismissed_by').nullable();
    table.bigInteger('dismissed_at').nullable();
    table.text('dismiss_reason').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // The schema before knows no dismissal: dismissed alerts wait again.
  await knex('itsm_unrouted_alerts')
    .where({ status: 'dismissed' })
    .update({ status: 'pending' });
  await knex.schema.alterTable('itsm_unrouted_alerts', table => {
    table.dropColumn('started_at');
    table.dropColumn('dismissed_by');
    table.dropColumn('dismissed_at');
    table.dropColumn('dismiss_reason');
  });
};
