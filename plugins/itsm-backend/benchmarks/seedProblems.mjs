#!/usr/bin/env node
// @ts-check
/*
 * Adds problems, incident links and action items to the benchmark incidents,
 * so the analysis benchmark reads realistic problem sections.
 *
 *   node plugins/itsm-backend/benchmarks/seedProblems.mjs
 *
 * Run after seedIncidents.mjs. In one transaction: every 20th incident (5%,
 * cancelled ones left out) is linked to a problem rooted in its own entity,
 * one problem per entity and 30-day period (about 30,000 problems, most with
 * several incidents, so the repeat rate is meaningful). Problem statuses
 * cycle by number: 40% fixed and closed or resolved (`fix_applied`, resolved
 * ten days after their first incident), 10% known errors in root cause
 * analysis, 20% fix in progress, 30% new or assessed. Each problem gets one
 * corrective action item due 30 days after its first incident, a third of
 * them still open. Then `itsm_problem_entities` is filled from the links and
 * the tables are vacuumed and analysed.
 *
 * Idempotent: does nothing when problems exist already; `--reset` removes
 * them (and unlinks their incidents) first.
 *
 * Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
 * PGPASSWORD, ITSM_BENCH_DATABASE (itsm_bench_itsm).
 */
// pg is hoisted in node_modules (backend-defaults uses it); the benchmark is
// not part of the published package, so it is not a plugin dependency.
import pg from 'pg';

const PERIOD_MS = 30 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const RESET = process.argv.includes('--reset');

const client = new pg.Client({
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD,
  database: process.env.ITSM_BENCH_DATABASE ?? 'itsm_bench_itsm',
  application_name: 'itsm-bench-seed-problems',
});

const GROUPS = `
CREATE TEMP TABLE bench_groups ON COMMIT DROP AS
SELECT gen_random_uuid() AS id,
       row_number() OVER (ORDER BY min(created_at), entity_ref)::int AS number,
       entity_ref, min(owner_ref) AS owner_ref, created_at / ${PERIOD_MS} AS period,
       min(created_at) AS first_at, min(category) AS category
FROM itsm_incidents
WHERE number % 20 = 0 AND status <> 'cancelled'
GROUP BY entity_ref, created_at / ${PERIOD_MS}
`;

const PROBLEMS = `
INSERT INTO itsm_problems (
  id, number, title, statement, entity_ref, owner_ref, category, impact,
  urgency, priority, status, reporter_ref, root_cause, rca_method, workaround,
  permanent_fix, known_error, known_error_at, resolution_code, source,
  created_at, updated_at, resolved_at, closed_at, version
)
SELECT g.id, g.number,
  'Recurring ' || g.category || ' incidents on ' || g.entity_ref,
  'Several ' || g.category || ' incidents share one cause.',
  g.entity_ref, g.owner_ref, g.category, 2, 2, 3,
  CASE WHEN s.fixed AND s.closed THEN 'closed'
       WHEN s.fixed THEN 'resolved'
       WHEN g.number % 10 = 4 THEN 'root_cause_analysis'
       WHEN g.number % 10 IN (5, 6) THEN 'fix_in_progress'
       WHEN g.number % 10 = 7 THEN 'assess'
       ELSE 'new' END,
  'user:default/user-0001',
  CASE WHEN s.fixed OR g.number % 10 BETWEEN 4 AND 6 THEN 'Connection pool too small' END,
  CASE WHEN s.fixed OR g.number % 10 BETWEEN 4 AND 6 THEN 'five_whys' END,
  CASE WHEN s.fixed OR g.number % 10 = 4 THEN 'Restart the pods' END,
  CASE WHEN s.fixed THEN 'Raised the pool size' END,
  g.number % 10 = 4,
  CASE WHEN g.number % 10 = 4 THEN g.first_at + ${DAY_MS} END,
  CASE WHEN s.fixed THEN 'fix_applied' END,
  'manual',
  g.first_at, g.first_at,
  CASE WHEN s.fixed THEN g.first_at + 10 * ${DAY_MS}::bigint END,
  CASE WHEN s.fixed AND s.closed THEN g.first_at + 13 * ${DAY_MS}::bigint END,
  1
FROM bench_groups g
CROSS JOIN LATERAL (
  SELECT g.number % 10 < 4 AND g.first_at + 10 * ${DAY_MS}::bigint <= $1 AS fixed,
         g.first_at + 13 * ${DAY_MS}::bigint <= $1 AS closed
) s
`;

const LINKS = `
UPDATE itsm_incidents i SET problem_id = g.id
FROM bench_groups g
WHERE i.number % 20 = 0 AND i.status <> 'cancelled'
  AND i.entity_ref = g.entity_ref AND i.created_at / ${PERIOD_MS} = g.period
`;

const AFFECTED = `
INSERT INTO itsm_problem_entities (problem_id, entity_ref, explicit, incident_count)
SELECT problem_id, entity_ref, false, count(*)
FROM itsm_incidents WHERE problem_id IS NOT NULL
GROUP BY problem_id, entity_ref
`;

const ACTION_ITEMS = `
INSERT INTO itsm_action_items (
  id, parent_type, parent_id, title, owner_ref, due_at, status, kind,
  created_at, updated_at, completed_at, version
)
SELECT gen_random_uuid(), 'problem', g.id, 'Add an alert on pool saturation',
  g.owner_ref, g.first_at + 30 * ${DAY_MS}::bigint,
  CASE WHEN g.number % 3 = 0 THEN 'open' ELSE 'done' END, 'corrective',
  g.first_at, g.first_at,
  CASE WHEN g.number % 3 = 0 THEN NULL ELSE g.first_at + 20 * ${DAY_MS}::bigint END, 1
FROM bench_groups g
`;

function msSince(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function step(name, sql, params = []) {
  const t0 = process.hrtime.bigint();
  const result = await client.query(sql, params);
  console.log(
    `${name}: ${result.rowCount ?? 0} rows in ${msSince(t0).toFixed(0)} ms`,
  );
}

async function main() {
  await client.connect();
  const existing = Number(
    (await client.query('SELECT count(*) AS n FROM itsm_problems')).rows[0].n,
  );
  if (existing > 0 && !RESET) {
    console.log(`itsm_problems already holds ${existing} rows; nothing to do`);
    return;
  }
  await client.query('BEGIN');
  try {
    if (existing > 0) {
      await step(
        'unlink incidents',
        'UPDATE itsm_incidents SET problem_id = NULL WHERE problem_id IS NOT NULL',
      );
      await step(
        'delete action items',
        `DELETE FROM itsm_action_items WHERE parent_type = 'problem'`,
      );
      await step(
        'delete affected entities',
        'DELETE FROM itsm_problem_entities',
      );
      await step('delete problems', 'DELETE FROM itsm_problems');
    }
    await step('groups', GROUPS);
    await step('problems', PROBLEMS, [Date.now()]);
    await step('links', LINKS);
    await step('affected entities', AFFECTED);
    await step('action items', ACTION_ITEMS);
    await client.query(
      `UPDATE itsm_sequences SET last_value = (SELECT coalesce(max(number), 0) FROM itsm_problems) WHERE name = 'problem'`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  for (const table of [
    'itsm_incidents',
    'itsm_problems',
    'itsm_problem_entities',
    'itsm_action_items',
  ]) {
    const t0 = process.hrtime.bigint();
    await client.query(`VACUUM (ANALYZE) ${table}`);
    console.log(`VACUUM (ANALYZE) ${table} in ${msSince(t0).toFixed(0)} ms`);
  }
}

main()
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => client.end());
