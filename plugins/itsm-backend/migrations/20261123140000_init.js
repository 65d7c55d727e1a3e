// @ts-check

/*
 * Times are stored as epoch milliseconds (bigint) on every database, so that
 * durations (MTTA, MTTR) and time buckets are plain arithmetic in SQL and give
 * identical answers on SQLite and PostgreSQL.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_sequences', table => {
    table.comment(
      'Monotonic counters behind the human numbers INC-n and PRB-n',
    );
    table.string('name').primary().notNullable();
    table.bigInteger('last_value').notNullable();
  });
  await knex('itsm_sequences').insert([
    { name: 'incident', last_value: 0 },
    { name: 'problem', last_value: 0 },
  ]);

  await knex.schema.createTable('itsm_problems', table => {
    table.uuid('id').primary().notNullable();
    table.integer('number').notNullable().unique();
    table.string('title', 200).notNullable();
    table.text('statement').notNullable();
    table.string('entity_ref').nullable();
    table.string('owner_ref').nullable();
    table.string('category').notNullable();
    table.integer('impact').notNullable();
    table.integer('urgency').notNullable();
    table.integer('priority').notNullable();
    table.string('status').notNullable();
    table.string('assignee_ref').nullable();
    table.string('reporter_ref').notNullable();
    table.text('root_cause').nullable();
    table.string('rca_method').nullable();
    table.text('workaround').nullable();
    table.text('permanent_fix').nullable();
    table.boolean('known_error').notNullable().defaultTo(false);
    table.bigInteger('known_error_at').nullable();
    table.text('symptoms').nullable();
    table.string('resolution_code').nullable();
    table.text('resolution_notes').nullable();
    table.uuid('duplicate_of').nullable();
    table.string('source').notNullable();
    table.string('detection_key').nullable().unique();
    table.text('detection_reason').nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.bigInteger('resolved_at').nullable();
    table.bigInteger('closed_at').nullable();
    table.integer('version').notNullable().defaultTo(1);
    table.index(['created_at', 'id'], 'itsm_problems_created_idx');
    table.index(['entity_ref', 'created_at'], 'itsm_problems_entity_idx');
    table.index(['status'], 'itsm_problems_status_idx');
    table.index(['assignee_ref'], 'itsm_problems_assignee_idx');
    table.index(['owner_ref'], 'itsm_problems_owner_idx');
    table.index(['known_error', 'entity_ref'], 'itsm_problems_known_error_idx');
  });

  await knex.schema.createTable('itsm_incidents', table => {
    table.uuid('id').primary().notNullable();
    table.integer('number').notNullable().unique();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('entity_ref').notNullable();
    table.string('owner_ref').nullable();
    table.string('category').notNullable();
    table.integer('impact').notNullable();
    table.integer('urgency').notNullable();
    table.integer('priority').notNullable();
    table.boolean('major').notNullable().defaultTo(false);
    table.string('status').notNullable();
    table.string('hold_reason').nullable();
    table.string('assignee_ref').nullable();
    table.string('reporter_ref').notNullable();
    table.string('source').notNullable();
    table.string('dedup_key').nullable();
    table.integer('occurrence_count').notNullable().defaultTo(1);
    table.text('workaround').nullable();
    table.string('resolution_code').nullable();
    table.text('resolution_notes').nullable();
    table
      .uuid('problem_id')
      .nullable()
      .references('id')
      .inTable('itsm_problems');
    table.bigInteger('detected_at').notNullable();
    table.bigInteger('acknowledged_at').nullable();
    table.bigInteger('mitigated_at').nullable();
    table.bigInteger('resolved_at').nullable();
    table.bigInteger('closed_at').nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.index(['created_at', 'id'], 'itsm_incidents_created_idx');
    table.index(
      ['entity_ref', 'created_at', 'id'],
      'itsm_incidents_entity_idx',
    );
    table.index(['owner_ref', 'created_at', 'id'], 'itsm_incidents_owner_idx');
    table.index(['status', 'priority'], 'itsm_incidents_status_idx');
    table.index(['priority', 'created_at'], 'itsm_incidents_priority_idx');
    table.index(
      ['assignee_ref', 'created_at', 'id'],
      'itsm_incidents_assignee_idx',
    );
    table.index(['problem_id'], 'itsm_incidents_problem_idx');
    table.index(['source', 'dedup_key'], 'itsm_incidents_dedup_idx');
  });

  await knex.schema.createTable('itsm_problem_entities', table => {
    table.comment(
      'Entities a problem hurts: those of its linked incidents and explicit additions',
    );
    table
      .uuid('problem_id')
      .notNullable()
      .references('id')
      .inTable('itsm_problems');
    table.string('entity_ref').notNullable();
    table.boolean('explicit').notNullable().defaultTo(false);
    table.integer('incident_count').notNullable().defaultTo(0);
    table.primary(['problem_id', 'entity_ref']);
    table.index(['entity_ref'], 'itsm_problem_entities_entity_idx');
  });

  await knex.schema.createTable('itsm_action_items', table => {
    table.uuid('id').primary().notNullable();
    table.string('parent_type').notNullable();
    table.uuid('parent_id').notNullable();
    table.string('title', 200).notNullable();
    table.string('owner_ref').nullable();
    table.bigInteger('due_at').nullable();
    table.string('status').notNullable();
    table.string('kind').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.bigInteger('completed_at').nullable();
    table.integer('version').notNullable().defaultTo(1);
    table.index(['parent_type', 'parent_id'], 'itsm_action_items_parent_idx');
    table.index(['status', 'due_at'], 'itsm_action_items_status_idx');
    table.index(['owner_ref'], 'itsm_action_items_owner_idx');
  });

  await knex.schema.createTable('itsm_postmortems', table => {
    table
      .uuid('incident_id')
      .primary()
      .notNullable()
      .references('id')
      .inTable('itsm_incidents');
    table.text('summary').notNullable();
    table.text('impact').notNullable();
    table.text('root_cause').notNullable();
    table.text('lessons_learned').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.integer('version').notNullable().defaultTo(1);
  });

  await knex.schema.createTable('itsm_timeline', table => {
    table.comment('Immutable history: one row per change, note or event');
    table.bigIncrements('id').primary();
    table.string('record_type').notNullable();
    table.uuid('record_id').notNullable();
    table.string('kind').notNullable();
    table.string('field').nullable();
    table.text('old_value').nullable();
    table.text('new_value').nullable();
    table.text('body').nullable();
    table.string('actor_ref').notNullable();
    table.bigInteger('created_at').notNullable();
    table.index(['record_type', 'record_id', 'id'], 'itsm_timeline_record_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_timeline');
  await knex.schema.dropTable('itsm_postmortems');
  await knex.schema.dropTable('itsm_action_items');
  await knex.schema.dropTable('itsm_problem_entities');
  await knex.schema.dropTable('itsm_incidents');
  await knex.schema.dropTable('itsm_problems');
  await knex.schema.dropTable('itsm_sequences');
};
