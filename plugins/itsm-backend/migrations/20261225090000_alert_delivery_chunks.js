// @ts-check

/*
 * A large alert delivery commits in chunks, so it never holds the incident
 * number counter for long. One row per committed chunk, keyed by a hash of
 * the delivery, lets a sender's retry of the same delivery skip the chunks
 * that already committed instead of counting their alerts twice.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_alert_delivery_chunks', table => {
    table.string('delivery_hash', 64).notNullable();
    table.integer('chunk').notNullable();
    table.bigInteger('committed_at').notNullable();
    table.primary(['delivery_hash', 'chunk']);
    table.index(['committed_at'], 'itsm_alert_delivery_chunks_committed_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_alert_delivery_chunks');
};
