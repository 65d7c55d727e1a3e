#!/usr/bin/env node
// @ts-check
/*
 * Latency of the reliability analysis: `GET /api/itsm/analysis` through HTTP.
 *
 *   node plugins/itsm-backend/benchmarks/analysisBenchmark.mjs
 *
 * Needs the backend started with benchmarks/app-config.benchmark.yaml (port
 * 7107, database prefix itsm_bench_) and the data of seedIncidents.mjs and
 * seedProblems.mjs. Every request uses the default window (the last 90 days).
 *
 * Cases:
 *   - one entity: the busiest (by incident count), the median one, and a
 *     seeded random sample of 20 (requests rotate over the sample)
 *   - the whole organisation (no scope)
 * Each case gets a warm-up, then up to ITSM_BENCH_REQUESTS sequential
 * requests over one keep-alive connection, bounded by ITSM_BENCH_CASE_SECONDS.
 * Latency is client-side, request written to body fully read. The figures of
 * the last response of each case are printed, so a run shows what it read.
 *
 * Environment: ITSM_BENCH_URL (http://localhost:7107), PGHOST (127.0.0.1),
 * PGPORT (5432), PGUSER (postgres), PGPASSWORD, ITSM_BENCH_DATABASE
 * (itsm_bench_itsm), ITSM_BENCH_REQUESTS (200), ITSM_BENCH_WARMUP (10),
 * ITSM_BENCH_CASE_SECONDS (60).
 */
// pg is hoisted in node_modules (backend-defaults uses it); the benchmark is
// not part of the published package, so it is not a plugin dependency.
import pg from 'pg';
import {
  createHttpClient,
  fetchGuestToken,
  intFromEnv,
  mulberry32,
  summarise,
} from './lib/benchmarkKit.mjs';

const BASE_URL = process.env.ITSM_BENCH_URL ?? 'http://localhost:7107';
const REQUESTS = intFromEnv('ITSM_BENCH_REQUESTS', 200);
const WARMUP = intFromEnv('ITSM_BENCH_WARMUP', 10);
const CASE_MS = intFromEnv('ITSM_BENCH_CASE_SECONDS', 60) * 1000;
const SAMPLE_SIZE = 20;
const SEED = 20261124;

const client = createHttpClient({ baseUrl: BASE_URL });
const { get } = client;
let token = '';

async function fetchToken() {
  token = await fetchGuestToken(client);
}

/** One analysis request; retries once with a fresh token on 401. */
async function analyse(query) {
  const path = `/api/itsm/analysis?${new URLSearchParams(query)}`;
  let res = await get(path, { authorization: `Bearer ${token}` });
  if (res.status === 401) {
    await fetchToken();
    res = await get(path, { authorization: `Bearer ${token}` });
  }
  if (res.status !== 200) {
    throw new Error(
      `GET ${path} answered ${res.status}: ${res.body.slice(0, 300)}`,
    );
  }
  return res;
}

async function measure(queries) {
  for (let i = 0; i < WARMUP; i++) {
    await analyse(queries[i % queries.length]);
  }
  const samples = [];
  let last;
  const until = Date.now() + CASE_MS;
  for (let i = 0; i < REQUESTS && Date.now() < until; i++) {
    last = await analyse(queries[i % queries.length]);
    samples.push(last.ms);
  }
  return { timing: summarise(samples), last: JSON.parse(last.body) };
}

const fmt = v => v.toFixed(1);

async function main() {
  const db = new pg.Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
    database: process.env.ITSM_BENCH_DATABASE ?? 'itsm_bench_itsm',
    application_name: 'itsm-bench-analysis',
  });
  await db.connect();
  let counts;
  let totals;
  try {
    counts = (
      await db.query(`
        SELECT entity_ref, count(*)::int AS n FROM itsm_incidents
        GROUP BY entity_ref ORDER BY n DESC, entity_ref`)
    ).rows;
    totals = (
      await db.query(`
        SELECT (SELECT count(*) FROM itsm_incidents)::int AS incidents,
               (SELECT count(*) FROM itsm_problems)::int AS problems,
               (SELECT count(*) FROM itsm_incidents WHERE problem_id IS NOT NULL)::int AS linked,
               (SELECT count(*) FROM itsm_action_items)::int AS action_items,
               current_setting('server_version') AS version`)
    ).rows[0];
  } finally {
    await db.end();
  }
  if (counts.length === 0) {
    throw new Error('itsm_incidents is empty; run seedIncidents.mjs');
  }
  const busiest = counts[0];
  const median = counts[Math.floor(counts.length / 2)];
  const rand = mulberry32(SEED);
  const pool = [...counts].sort((a, b) =>
    a.entity_ref.localeCompare(b.entity_ref),
  );
  const sample = [];
  while (sample.length < Math.min(SAMPLE_SIZE, pool.length)) {
    sample.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  }
  const sampleCounts = sample.map(s => s.n).sort((a, b) => a - b);

  await fetchToken();
  const cases = [
    {
      name: `entity, busiest (${busiest.entity_ref}, ${busiest.n} incidents)`,
      queries: [{ entityRef: busiest.entity_ref }],
    },
    {
      name: `entity, median (${median.entity_ref}, ${median.n} incidents)`,
      queries: [{ entityRef: median.entity_ref }],
    },
    {
      name: `entity, random sample of ${sample.length} (${sampleCounts[0]}..${
        sampleCounts[sampleCounts.length - 1]
      } incidents)`,
      queries: sample.map(s => ({ entityRef: s.entity_ref })),
    },
    { name: 'whole organisation', queries: [{}] },
  ];

  console.log('# Analysis benchmark');
  console.log('');
  console.log(
    `PostgreSQL ${totals.version}; ${totals.incidents} incidents (${totals.linked} linked), ${totals.problems} problems, ${totals.action_items} action items; window: last 90 days`,
  );
  console.log('');
  console.log(
    '| Case | p50 ms | p95 ms | p99 ms | max ms | n | incidents in window |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const c of cases) {
    console.error(`measuring ${c.name}`);
    const { timing, last } = await measure(c.queries);
    console.log(
      `| ${c.name} | ${fmt(timing.p50)} | ${fmt(timing.p95)} | ${fmt(
        timing.p99,
      )} | ${fmt(timing.max)} | ${timing.n} | ${last.incidents.total} |`,
    );
  }
}

main()
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => client.close());
