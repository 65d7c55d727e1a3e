#!/usr/bin/env node
// @ts-check
/*
 * Sustained alert ingestion through HTTP on PostgreSQL, then proof of no
 * duplicates and no losses.
 *
 *   node plugins/itsm-backend/benchmarks/alertIngestBenchmark.mjs
 *
 * Needs the backend started with benchmarks/app-config.alert-benchmark.yaml
 * (port 7117, database prefix itsm_alertbench_).
 *
 * Sends FINGERPRINTS distinct alerts REPLAYS times each (10,000 alerts by
 * default) to `POST /api/itsm/alerts/alertmanager` as Alertmanager webhooks of
 * BATCH alerts, from CONCURRENCY connections at once. The alerts are shuffled
 * before batching, so the replays of one fingerprint arrive in different
 * deliveries at the same time, as from an HA pair and repeat notifications. A
 * 5xx is sent again after a pause, as Alertmanager does, and counted.
 *
 * Then, on PostgreSQL: every fingerprint has exactly one open incident, the
 * occurrence counts add up to the alerts sent, and one audit row exists per
 * accepted delivery.
 *
 * Environment: ITSM_ALERTBENCH_URL (http://localhost:7117),
 * ITSM_ALERTBENCH_TOKEN (the demo token), ITSM_ALERTBENCH_FINGERPRINTS (1000),
 * ITSM_ALERTBENCH_REPLAYS (10), ITSM_ALERTBENCH_BATCH (10),
 * ITSM_ALERTBENCH_CONCURRENCY (8), PGHOST (127.0.0.1), PGPORT (5432),
 * PGUSER (postgres), PGPASSWORD, ITSM_ALERTBENCH_DATABASE
 * (itsm_alertbench_itsm).
 */
// pg is hoisted in node_modules (backend-defaults uses it); the benchmark is
// not part of the published package, so it is not a plugin dependency.
import pg from 'pg';
import {
  createHttpClient,
  intFromEnv,
  mulberry32,
  percentile,
} from './lib/benchmarkKit.mjs';

const BASE_URL = process.env.ITSM_ALERTBENCH_URL ?? 'http://localhost:7117';
const TOKEN =
  process.env.ITSM_ALERTBENCH_TOKEN ?? 'itsm-demo-alertmanager-token';
const FINGERPRINTS = intFromEnv('ITSM_ALERTBENCH_FINGERPRINTS', 1000);
const REPLAYS = intFromEnv('ITSM_ALERTBENCH_REPLAYS', 10);
const BATCH = intFromEnv('ITSM_ALERTBENCH_BATCH', 10);
const CONCURRENCY = intFromEnv('ITSM_ALERTBENCH_CONCURRENCY', 8);
const MAX_RETRIES = 20;
const SERVICES = ['checkout-api', 'payments-api', 'auth-service'];
const RUN = `bench${Date.now().toString(36)}`;

const client = createHttpClient({
  baseUrl: BASE_URL,
  maxSockets: CONCURRENCY,
});

/** POSTs a JSON body with the alert token; resolves with status and elapsed ms. */
function post(path, body) {
  return client.send('POST', path, { authorization: `Bearer ${TOKEN}` }, body);
}

function alertOf(index) {
  const service = SERVICES[index % SERVICES.length];
  return {
    status: 'firing',
    labels: {
      alertname: 'BenchAlert',
      service,
      severity: ['critical', 'error', 'warning', 'info'][index % 4],
      bench_run: RUN,
      shard: String(index),
    },
    annotations: { summary: `Benchmark alert ${index} on ${service}` },
    startsAt: new Date().toISOString(),
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.bench/graph',
    fingerprint: `${RUN}-${String(index).padStart(5, '0')}`,
  };
}

function deliveries() {
  const alerts = [];
  for (let replay = 0; replay < REPLAYS; replay++) {
    for (let i = 0; i < FINGERPRINTS; i++) alerts.push(alertOf(i));
  }
  const random = mulberry32(20261124);
  for (let i = alerts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [alerts[i], alerts[j]] = [alerts[j], alerts[i]];
  }
  const batches = [];
  for (let i = 0; i < alerts.length; i += BATCH) {
    const group = alerts.slice(i, i + BATCH);
    batches.push(
      JSON.stringify({
        version: '4',
        status: 'firing',
        receiver: 'itsm',
        groupLabels: { alertname: 'BenchAlert' },
        commonLabels: { alertname: 'BenchAlert', bench_run: RUN },
        commonAnnotations: {},
        externalURL: 'http://alertmanager.bench',
        alerts: group,
      }),
    );
  }
  return { total: alerts.length, batches };
}

async function send(batches) {
  const latencies = [];
  const statuses = new Map();
  let retries = 0;
  let next = 0;
  async function worker() {
    while (next < batches.length) {
      const body = batches[next++];
      for (let attempt = 0; ; attempt++) {
        const res = await post('/api/itsm/alerts/alertmanager', body);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 200) {
          latencies.push(res.ms);
          break;
        }
        if (res.status < 500 || attempt >= MAX_RETRIES) {
          throw new Error(
            `delivery answered ${res.status}: ${res.body.slice(0, 300)}`,
          );
        }
        retries += 1;
        await new Promise(resolve => setTimeout(resolve, 100 * (attempt + 1)));
      }
    }
  }
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, latencies, statuses, retries };
}

async function verify(db, sent, accepted) {
  const like = `${RUN}-%`;
  const one = async (sql, params) => (await db.query(sql, params)).rows[0];
  const incidents = await one(
    `SELECT count(*)::int AS incidents,
            count(DISTINCT dedup_key)::int AS fingerprints,
            coalesce(sum(occurrence_count), 0)::int AS occurrences,
            count(*) FILTER (WHERE open_dedup_key IS NOT NULL)::int AS open
       FROM itsm_incidents WHERE source = 'alertmanager' AND dedup_key LIKE $1`,
    [like],
  );
  const duplicates = await one(
    `SELECT count(*)::int AS n FROM (
       SELECT dedup_key FROM itsm_incidents
        WHERE source = 'alertmanager' AND dedup_key LIKE $1
          AND status IN ('new', 'in_progress', 'on_hold')
        GROUP BY dedup_key HAVING count(*) > 1) AS d`,
    [like],
  );
  const unrouted = await one(
    `SELECT count(*)::int AS n FROM itsm_unrouted_alerts WHERE dedup_key LIKE $1`,
    [like],
  );
  const audit = await one(
    `SELECT count(*)::int AS n FROM itsm_alert_deliveries
      WHERE outcome = 'accepted' AND payload LIKE $1`,
    [`%"bench_run":"${RUN}"%`],
  );
  const timeline = await one(
    `SELECT count(*)::int AS n FROM itsm_timeline t
       JOIN itsm_incidents i ON i.id = t.record_id
      WHERE i.dedup_key LIKE $1`,
    [like],
  );
  return {
    ...incidents,
    duplicates: duplicates.n,
    unrouted: unrouted.n,
    auditRows: audit.n,
    timelineRows: timeline.n,
    checks: {
      'one open incident per fingerprint':
        incidents.incidents === FINGERPRINTS &&
        incidents.fingerprints === FINGERPRINTS &&
        incidents.open === FINGERPRINTS &&
        duplicates.n === 0,
      'occurrences = alerts sent': incidents.occurrences === sent,
      'no alert in the inbox': unrouted.n === 0,
      'one audit row per accepted delivery': audit.n === accepted,
      'one timeline row per alert': timeline.n === sent,
    },
  };
}

async function main() {
  const health = await fetch(`${BASE_URL}/api/itsm/health`);
  if (health.status !== 200) {
    throw new Error(`${BASE_URL}/api/itsm/health answered ${health.status}`);
  }
  const db = new pg.Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
    database: process.env.ITSM_ALERTBENCH_DATABASE ?? 'itsm_alertbench_itsm',
    application_name: 'itsm-alert-bench',
  });
  await db.connect();
  try {
    const { total, batches } = deliveries();
    console.error(
      `run ${RUN}: ${total} alerts (${FINGERPRINTS} fingerprints x ${REPLAYS}) in ${batches.length} deliveries of ${BATCH}, ${CONCURRENCY} concurrent`,
    );
    const result = await send(batches);
    const accepted = result.latencies.length;
    const check = await verify(db, total, accepted);
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const { rows } = await db.query('SHOW server_version');
    const report = {
      run: RUN,
      backend: BASE_URL,
      node: process.version,
      postgres: rows[0].server_version,
      alerts: total,
      fingerprints: FINGERPRINTS,
      replays: REPLAYS,
      batch: BATCH,
      concurrency: CONCURRENCY,
      deliveries: batches.length,
      seconds: Number(result.seconds.toFixed(2)),
      alertsPerSecond: Math.round(total / result.seconds),
      deliveriesPerSecond: Math.round(batches.length / result.seconds),
      latencyMs: {
        p50: Number(percentile(sorted, 50).toFixed(1)),
        p95: Number(percentile(sorted, 95).toFixed(1)),
        p99: Number(percentile(sorted, 99).toFixed(1)),
        max: Number(sorted[sorted.length - 1].toFixed(1)),
      },
      statuses: Object.fromEntries(result.statuses),
      retriedAfter5xx: result.retries,
      ...check,
    };
    console.log(JSON.stringify(report, null, 2));
    if (!Object.values(check.checks).every(Boolean)) {
      process.exitCode = 1;
    }
  } finally {
    await db.end();
    client.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
