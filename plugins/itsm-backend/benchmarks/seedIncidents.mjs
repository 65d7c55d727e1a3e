#!/usr/bin/env node
// @ts-check
/*
 * Seeds the ITSM benchmark database with a large incident history.
 *
 *   node plugins/itsm-backend/benchmarks/seedIncidents.mjs
 *
 * Start the backend once with benchmarks/app-config.benchmark.yaml first: it
 * creates the `itsm_bench_itsm` database and applies the plugin's migrations.
 * This script then inserts, in one transaction, 1,000,000 incidents over 5,000
 * entities (`component:default/svc-0001` … `svc-5000`) spread over the last
 * two years, sets the `incident` sequence to the highest number and runs
 * VACUUM (ANALYZE). Entities are Zipf-like skewed (exponent 0.8): the busiest has about
 * 33,000 incidents, the ~115 busiest more than 1,000 each, the median ~85.
 * Incidents follow new -> in_progress -> resolved -> closed as far as "now"
 * allows, so all but the last few days are closed (4% cancelled).
 *
 * Rows are generated inside PostgreSQL with `INSERT … SELECT FROM
 * generate_series`, 100,000 per statement, in arrival order (created_at rises
 * with the number, as when incidents are logged one by one), so the heap is
 * laid out as in production: by time, not by entity.
 *
 * Idempotent: when the table already holds at least the target number of
 * rows, nothing is written. When it holds fewer (rows from elsewhere), it
 * stops. `--reset` deletes every incident (and their postmortems and timeline
 * rows) first and seeds afresh in either case.
 *
 * Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
 * PGPASSWORD, ITSM_BENCH_DATABASE (itsm_bench_itsm), ITSM_BENCH_ROWS
 * (1000000), ITSM_BENCH_ENTITIES (5000).
 */
// pg is hoisted in node_modules (backend-defaults uses it); the benchmark is
// not part of the published package, so it is not a plugin dependency.
import pg from 'pg';

const ROWS = intFromEnv('ITSM_BENCH_ROWS', 1_000_000);
const ENTITIES = intFromEnv('ITSM_BENCH_ENTITIES', 5_000);
const BATCH = 100_000;
const ZIPF_EXPONENT = 0.8;
const SPAN_MS = 730 * 24 * 3600 * 1000; // two years
const TEAMS = 250;
const USERS = 1_000;
const RESET = process.argv.includes('--reset');

function intFromEnv(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new Error(`${name} must be a positive integer, got ${value}`);
  }
  return n;
}

const client = new pg.Client({
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD,
  database: process.env.ITSM_BENCH_DATABASE ?? 'itsm_bench_itsm',
  application_name: 'itsm-bench-seed',
});

/*
 * One batch of rows i in [$1, $2]. $3 is the start of the time window, $4 the
 * spacing between consecutive incidents (window / rows), $5 the window end
 * ("now"). Every random draw is taken once per row in the MATERIALIZED CTE.
 */
const INSERT_BATCH = `
WITH draw AS MATERIALIZED (
  SELECT i,
         random() AS r_entity, random() AS r_time, random() AS r_cat,
         random() AS r_impact, random() AS r_urgency, random() AS r_status,
         random() AS r_source, random() AS r_text, random() AS r_user,
         random() AS r_ack, random() AS r_mit, random() AS r_res,
         random() AS r_close, random() AS r_misc
  FROM generate_series($1::int, $2::int) AS i
),
shaped AS (
  SELECT d.*,
         -- Zipf-like rank in 1..N: inverse CDF of a continuous power law.
         least(${ENTITIES}, greatest(1, floor(power(
           1 + d.r_entity * (power(${ENTITIES + 1}::float8, ${
  1 - ZIPF_EXPONENT
}) - 1),
           ${1 / (1 - ZIPF_EXPONENT)})))::int) AS rank,
         $3::bigint + (d.i - 1)::bigint * $4::bigint
           + floor(d.r_time * $4::bigint)::bigint AS created_at,
         -- impact / urgency skewed towards low (3) as in real queues
         CASE WHEN d.r_impact < 0.08 THEN 1 WHEN d.r_impact < 0.35 THEN 2 ELSE 3 END AS impact,
         CASE WHEN d.r_urgency < 0.12 THEN 1 WHEN d.r_urgency < 0.45 THEN 2 ELSE 3 END AS urgency,
         CASE WHEN d.r_source < 0.55 THEN 'alertmanager'
              WHEN d.r_source < 0.70 THEN 'events-v2'
              WHEN d.r_source < 0.95 THEN 'manual'
              ELSE 'api' END AS source,
         (ARRAY['availability','performance','data','security','deployment',
                'capacity','dependency','configuration'])[1 + floor(d.r_cat * 8)::int] AS category
  FROM draw d
),
placed AS (
  SELECT s.*,
         -- spread rank 1..N over svc numbers so the busiest are not svc-0001..
         ((s.rank - 1) * 2999 % ${ENTITIES}) + 1 AS svc,
         (ARRAY[1,2,3,2,3,4,3,4,5])[(s.impact - 1) * 3 + s.urgency] AS priority,
         s.created_at - floor(s.r_misc * 300000)::bigint AS detected_at,
         s.created_at + 60000 + floor(s.r_ack * s.r_ack * 3600000)::bigint AS ack_at
  FROM shaped s
),
timed AS (
  SELECT p.*,
         p.ack_at + 300000 + floor(p.r_mit * p.r_mit * 14400000)::bigint AS mit_at
  FROM placed p
),
timed2 AS (
  SELECT t.*,
         t.mit_at + 600000 + floor(t.r_res * t.r_res * 172800000)::bigint AS res_at
  FROM timed t
),
lifecycle AS (
  -- Each incident follows new -> in_progress -> resolved -> closed (3 days
  -- after resolution) as far as "now" ($5) allows; 4% are cancelled and 3%
  -- stay resolved without being closed. Timestamps after "now" are dropped.
  SELECT t.*,
         CASE
           WHEN t.r_status < 0.04 AND t.ack_at <= $5::bigint THEN 'cancelled'
           WHEN t.res_at + 259200000 <= $5::bigint AND t.r_status >= 0.07 THEN 'closed'
           WHEN t.res_at <= $5::bigint THEN 'resolved'
           WHEN t.ack_at <= $5::bigint AND t.r_close < 0.25 THEN 'on_hold'
           WHEN t.ack_at <= $5::bigint THEN 'in_progress'
           ELSE 'new'
         END AS status,
         t.res_at + 259200000 AS close_at
  FROM timed2 t
)
INSERT INTO itsm_incidents (
  id, number, title, description, entity_ref, owner_ref, category,
  impact, urgency, priority, major, status, hold_reason, assignee_ref,
  reporter_ref, source, dedup_key, occurrence_count, workaround,
  resolution_code, resolution_notes, problem_id, detected_at,
  acknowledged_at, mitigated_at, resolved_at, closed_at, created_at,
  updated_at, version
)
SELECT
  gen_random_uuid(),
  l.i,
  left((ARRAY['Elevated 5xx error rate', 'p99 latency above SLO',
              'Pods in CrashLoopBackOff', 'Database connection pool exhausted',
              'Certificate about to expire', 'Queue consumer lag growing',
              'Disk usage above 90%', 'Failed deployment rolled back',
              'Upstream dependency timing out', 'Stale data in read replica',
              'Memory usage climbing after release', 'Login failures spike'])
       [1 + floor(l.r_text * 12)::int]
       || ' on svc-' || lpad(l.svc::text, 4, '0'), 200),
  'Detected on component:default/svc-' || lpad(l.svc::text, 4, '0')
    || ' in the ' || l.category || ' category. '
    || (ARRAY['Customers report intermittent errors at checkout; the dashboard shows a step change right after the last deployment.',
              'The alert fired for several minutes before recovering, then fired again; the on-call engineer is correlating it with upstream latency.',
              'Synthetic checks from two regions fail while the third is healthy; traffic has been shifted away from the affected region.',
              'Error budget burn rate is above the fast-burn threshold; rollback is being evaluated together with the owning team.'])
       [1 + floor(l.r_misc * 4)::int]
    || ' Runbook: https://runbooks.example.com/svc-' || lpad(l.svc::text, 4, '0')
    || '. Impact ' || l.impact || ', urgency ' || l.urgency || '.',
  'component:default/svc-' || lpad(l.svc::text, 4, '0'),
  'group:default/team-' || lpad((((l.svc - 1) % ${TEAMS}) + 1)::text, 3, '0'),
  l.category,
  l.impact,
  l.urgency,
  l.priority,
  l.priority = 1 AND l.r_misc < 0.3,
  l.status,
  CASE WHEN l.status = 'on_hold' THEN
    (ARRAY['awaiting_problem','awaiting_change','awaiting_vendor','awaiting_caller'])[1 + floor(l.r_close * 16)::int]
  END,
  CASE WHEN l.status <> 'new' THEN
    'user:default/user-' || lpad((1 + floor(l.r_user * ${USERS}))::int::text, 4, '0')
  END,
  CASE l.source WHEN 'alertmanager' THEN 'external:alertmanager'
                WHEN 'events-v2' THEN 'external:grafana'
                ELSE 'user:default/user-' || lpad((1 + floor(l.r_ack * ${USERS}))::int::text, 4, '0') END,
  l.source,
  CASE WHEN l.source IN ('alertmanager', 'events-v2') THEN
    md5('svc-' || l.svc || '/' || floor(l.r_text * 12)::int || '/' || l.i)
  END,
  CASE WHEN l.source IN ('alertmanager', 'events-v2')
       THEN 1 + floor(l.r_mit * l.r_mit * 20)::int ELSE 1 END,
  CASE WHEN l.r_close >= 0.7 AND l.status NOT IN ('new', 'cancelled') THEN
    'Restarted the affected pods and shifted traffic to the healthy region.'
  END,
  CASE WHEN l.status IN ('resolved', 'closed') THEN
    (ARRAY['workaround','permanent_fix','known_error','duplicate','not_reproducible','resolved_by_caller'])
      [1 + floor(l.r_res * 6)::int]
  END,
  CASE WHEN l.status IN ('resolved', 'closed') THEN
    'Service recovered after mitigation; follow-up tracked by the owning team.'
  END,
  NULL,
  l.detected_at,
  CASE WHEN l.status <> 'new' THEN l.ack_at END,
  CASE WHEN l.status IN ('resolved', 'closed') OR (l.status IN ('in_progress', 'on_hold') AND l.mit_at <= $5::bigint) THEN l.mit_at END,
  CASE WHEN l.status IN ('resolved', 'closed') THEN l.res_at END,
  CASE WHEN l.status = 'closed' THEN l.close_at END,
  l.created_at,
  CASE l.status
    WHEN 'closed' THEN l.close_at
    WHEN 'resolved' THEN l.res_at
    WHEN 'new' THEN l.created_at
    ELSE l.ack_at
  END,
  CASE l.status WHEN 'new' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'on_hold' THEN 3
                WHEN 'cancelled' THEN 2 WHEN 'resolved' THEN 4 ELSE 5 END
FROM lifecycle l
`;

async function main() {
  const started = process.hrtime.bigint();
  await client.connect();
  const { rows: tables } = await client.query(
    `SELECT to_regclass('itsm_incidents') AS t, to_regclass('itsm_sequences') AS s`,
  );
  if (!tables[0].t || !tables[0].s) {
    throw new Error(
      'itsm_incidents is missing: start the backend with app-config.benchmark.yaml once so it creates the database and runs the migrations',
    );
  }
  const existing = Number(
    (await client.query('SELECT count(*) AS n FROM itsm_incidents')).rows[0].n,
  );
  if (existing >= ROWS && !RESET) {
    console.log(
      `itsm_incidents already holds ${existing} rows (target ${ROWS}); nothing to do (${msSince(
        started,
      ).toFixed(0)} ms)`,
    );
    return;
  }
  if (existing > 0 && !RESET) {
    throw new Error(
      `itsm_incidents holds ${existing} rows, fewer than ${ROWS}; rerun with --reset to delete them and seed afresh`,
    );
  }

  const end = Date.now();
  const step = Math.floor(SPAN_MS / ROWS);
  const start = end - step * ROWS;
  console.log(
    `seeding ${ROWS} incidents over ${ENTITIES} entities, ${new Date(
      start,
    ).toISOString()} .. ${new Date(end).toISOString()}`,
  );

  await client.query('BEGIN');
  try {
    if (existing > 0) {
      console.log(`--reset: deleting ${existing} existing incidents`);
      await client.query(
        `DELETE FROM itsm_timeline WHERE record_type = 'incident'`,
      );
      await client.query('TRUNCATE itsm_postmortems, itsm_incidents');
    }
    // Deterministic draws: the same seed gives the same distribution.
    await client.query('SELECT setseed(0.4242)');
    for (let from = 1; from <= ROWS; from += BATCH) {
      const to = Math.min(ROWS, from + BATCH - 1);
      const t0 = process.hrtime.bigint();
      await client.query(INSERT_BATCH, [from, to, start, step, end]);
      console.log(
        `  rows ${from}..${to} in ${msSince(t0).toFixed(0)} ms (total ${(
          msSince(started) / 1000
        ).toFixed(1)} s)`,
      );
    }
    await client.query(
      `UPDATE itsm_sequences SET last_value = $1 WHERE name = 'incident'`,
      [ROWS],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }

  const t0 = process.hrtime.bigint();
  // VACUUM as well as ANALYZE: sets hint bits and the visibility map now, as
  // autovacuum eventually would, instead of during the first benchmark reads.
  await client.query('VACUUM (ANALYZE) itsm_incidents');
  console.log(`VACUUM (ANALYZE) in ${msSince(t0).toFixed(0)} ms`);

  const { rows: summary } = await client.query(`
    SELECT count(*) AS incidents,
           count(DISTINCT entity_ref) AS entities,
           pg_size_pretty(pg_total_relation_size('itsm_incidents')) AS size
    FROM itsm_incidents`);
  const { rows: top } = await client.query(`
    SELECT entity_ref, count(*) AS n FROM itsm_incidents
    GROUP BY entity_ref ORDER BY n DESC LIMIT 3`);
  console.log(
    `itsm_incidents: ${summary[0].incidents} rows, ${
      summary[0].entities
    } entities, ${summary[0].size} with indexes; busiest: ${top
      .map(r => `${r.entity_ref} (${r.n})`)
      .join(', ')}`,
  );
  console.log(`seeded in ${(msSince(started) / 1000).toFixed(1)} s`);
}

function msSince(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

main()
  .catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => client.end());
