// @ts-check

/*
 * Alert ingestion: the database, not the process, guarantees one open incident
 * per alert. `open_dedup_key` is `<source>:<dedup key>` while the incident is
 * open and null once it is resolved, closed or cancelled; NULLs never collide
 * in a unique index, on PostgreSQL and SQLite alike.
 */

const OPEN_STATUSES = ['new', 'in_progress', 'on_hold'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.string('open_dedup_key', 300).nullable();
    table.unique(['open_dedup_key'], {
      indexName: 'itsm_incidents_open_dedup_idx',
    });
  });
  // Existing open alert incidents keep deduplicating; the newest wins a key.
  await knex('itsm_incidents as i')
    .whereNotNull('i.dedup_key')
    .whereIn('i.status', OPEN_STATUSES)
    .whereRaw(
      `i.id = (select newest.id from itsm_incidents as newest
        where newest.source = i.source and newest.dedup_key = i.dedup_key
          and newest.status in (?, ?, ?)
        order by newest.created_at desc, newest.id desc limit 1)`,
      OPEN_STATUSES,
    )
    .update({ open_dedup_key: knex.raw(`i.source || ':' || i.dedup_key`) });

  await knex.schema.createTable('itsm_unrouted_alerts', table => {
    table.comment('Alerts that matched no catalog entity, until assigned');
    table.uuid('id').primary().notNullable();
    table.string('source').notNullable();
    table.string('dedup_key').notNullable();
    table.string('open_dedup_key', 300).nullable().unique({
      indexName: 'itsm_unrouted_alerts_open_dedup_idx',
    });
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('severity').notNullable();
    table.integer('impact').notNullable();
    table.integer('urgency').notNullable();
    table.text('labels').notNullable();
    table.string('status').notNullable();
    table.integer('occurrence_count').notNullable().defaultTo(1);
    table.bigInteger('first_seen_at').notNullable();
    table.bigInteger('last_seen_at').notNullable();
    table.bigInteger('ended_at').nullable();
    table.uuid('incident_id').nullable();
    table.string('assigned_by').nullable();
    table.bigInteger('assigned_at').nullable();
    table.string('reporter_ref').notNullable();
    table.index(
      ['status', 'first_seen_at', 'id'],
      'itsm_unrouted_alerts_status_idx',
    );
    table.index(['first_seen_at', 'id'], 'itsm_unrouted_alerts_seen_idx');
  });

  await knex.schema.createTable('itsm_alert_deliveries', table => {
    table.comment('Raw payload of every alert delivery, kept for audit');
    table.bigIncrements('id').primary();
    table.string('source').notNullable();
    table.string('actor_ref').notNullable();
    table.integer('alert_count').notNullable();
    table.string('outcome').notNullable();
    table.text('error').nullable();
    table.text('payload').notNullable();
    table.bigInteger('received_at').notNullable();
    table.index(['received_at'], 'itsm_alert_deliveries_received_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_alert_deliveries');
  await knex.schema.dropTable('itsm_unrouted_alerts');
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropUnique(['open_dedup_key'], 'itsm_incidents_open_dedup_idx');
    table.dropColumn('open_dedup_key');
  });
};
