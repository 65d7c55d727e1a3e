#!/usr/bin/env node
// @ts-check
/*
 * Latency of word search and of the priority queue: `GET /api/itsm/incidents`
 * with `text=` (best match first), across the organisation and within one
 * entity, and with `sort=priority`, through HTTP.
 *
 *   node plugins/itsm-backend/benchmarks/searchBenchmark.mjs
 *
 * Needs the backend started with benchmarks/app-config.benchmark.yaml (port
 * 7107, database prefix itsm_bench_) and the data of seedIncidents.mjs. The
 * words come from the seeded titles and descriptions (twelve title
 * templates, four description sentences, `svc-NNNN` names): each title word
 * is in about 8% of the incidents, each sentence word in about 25%.
 *
 * Each case gets a warm-up, then up to ITSM_BENCH_REQUESTS sequential
 * requests over one keep-alive connection, rotating over its queries.
 * Latency is client-side, request written to body fully read.
 *
 * Environment: ITSM_BENCH_URL (http://localhost:7107), PGHOST (127.0.0.1),
 * PGPORT (5432), PGUSER (postgres), PGPASSWORD, ITSM_BENCH_DATABASE
 * (itsm_bench_itsm), ITSM_BENCH_REQUESTS (200), ITSM_BENCH_WARMUP (20),
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
const WARMUP = intFromEnv('ITSM_BENCH_WARMUP', 20);
const CASE_MS = intFromEnv('ITSM_BENCH_CASE_SECONDS', 60) * 1000;
const SAMPLE_SIZE = 20;
const DEEP_PAGES = 40;
const SEED = 20261212;

/** Searches of typical selectivity: a symptom, often with a service name. */
const SPECIFIC = [
  'crashloopbackoff svc-0042',
  'stale replica svc-1413',
  'certificate expire svc-0999',
  'connection pool svc-2718',
  'login failures svc-0500',
  'queue lag svc-3141',
  'rolled back svc-1234',
  'disk usage svc-4000',
  'memory release svc-0007',
  'upstream timing svc-2500',
];
/** Words every twelfth incident has in its title, or every fourth in its description. */
const COMMON = [
  'connection pool',
  'certificate expire',
  'latency slo',
  'rollback evaluated',
  'synthetic checks regions',
];
/** Words of the entity cases: common, rare and absent ones. */
const WITHIN_ENTITY = [
  'connection pool',
  'stale replica',
  'deployment rolled',
  'customers checkout',
  'vendor',
];

const client = createHttpClient({ baseUrl: BASE_URL, timeoutMs: 30_000 });
let token = '';

async function list(query) {
  const path = `/api/itsm/incidents?${new URLSearchParams(query)}`;
  let res = await client.get(path, { authorization: `Bearer ${token}` });
  if (res.status === 401) {
    token = await fetchGuestToken(client);
    res = await client.get(path, { authorization: `Bearer ${token}` });
  }
  if (res.status !== 200) {
    throw new Error(`GET ${path} answered ${res.status}: ${res.body}`);
  }
  return res;
}

/** The cursor reached by following nextCursor `pages` times. */
async function deepCursor(query, pages) {
  let cursor;
  let depth = 1;
  for (; depth <= pages; depth++) {
    const page = JSON.parse(
      (await list(cursor ? { ...query, cursor } : query)).body,
    );
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { cursor, page: depth };
}

async function measure(queries) {
  for (let i = 0; i < WARMUP; i++) {
    await list(queries[i % queries.length]);
  }
  const samples = [];
  let items = 0;
  const until = Date.now() + CASE_MS;
  for (let i = 0; i < REQUESTS && Date.now() < until; i++) {
    const res = await list(queries[i % queries.length]);
    samples.push(res.ms);
    items += JSON.parse(res.body).items.length;
  }
  return { ...summarise(samples), items: items / samples.length };
}

const fmt = v => v.toFixed(1);

async function main() {
  const db = new pg.Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
    database: process.env.ITSM_BENCH_DATABASE ?? 'itsm_bench_itsm',
    application_name: 'itsm-bench-search',
  });
  await db.connect();
  let counts;
  let version;
  try {
    counts = (
      await db.query(`
        SELECT entity_ref, count(*)::int AS n FROM itsm_incidents
        GROUP BY entity_ref ORDER BY n DESC, entity_ref`)
    ).rows;
    version = (await db.query(`SELECT current_setting('server_version') AS v`))
      .rows[0].v;
  } finally {
    await db.end();
  }
  if (counts.length === 0) {
    throw new Error('itsm_incidents is empty; run seedIncidents.mjs');
  }
  const total = counts.reduce((sum, c) => sum + c.n, 0);
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
  const within = entities =>
    entities.flatMap(e =>
      WITHIN_ENTITY.map(text => ({ entityRef: e.entity_ref, text })),
    );

  token = await fetchGuestToken(client);
  const open = { status: 'new,in_progress,on_hold', sort: 'priority' };
  const deepOpen = await deepCursor(open, 4);
  const deepAll = await deepCursor({ sort: 'priority' }, DEEP_PAGES);
  const cases = [
    {
      name: `org-wide words, specific (${SPECIFIC.length} searches in turn)`,
      queries: SPECIFIC.map(text => ({ text })),
    },
    {
      name: `org-wide words, common (${COMMON.length} searches in turn)`,
      queries: COMMON.map(text => ({ text })),
    },
    {
      name: 'org-wide words, no match (`vendor`)',
      queries: [{ text: 'vendor' }],
    },
    {
      name: 'org-wide number (`311`, `INC-311`, `INC-000311`)',
      queries: ['311', 'INC-311', 'INC-000311'].map(text => ({ text })),
    },
    {
      name: `entity words, busiest (${busiest.n} incidents)`,
      queries: within([busiest]),
    },
    {
      name: `entity words, median (${median.n} incidents)`,
      queries: within([median]),
    },
    {
      name: `entity words, random ${sample.length} (${sampleCounts[0]}..${
        sampleCounts[sampleCounts.length - 1]
      } incidents)`,
      queries: within(sample),
    },
    { name: 'queue: open, by priority, first page', queries: [open] },
    {
      name: `queue: open, by priority, page ${deepOpen.page}`,
      queries: [{ ...open, cursor: deepOpen.cursor }],
    },
    { name: 'all, by priority, first page', queries: [{ sort: 'priority' }] },
    {
      name: `all, by priority, page ${deepAll.page}`,
      queries: [{ sort: 'priority', cursor: deepAll.cursor }],
    },
    {
      name: 'baseline: unknown entity (empty page)',
      queries: [{ entityRef: 'component:default/no-such-entity' }],
    },
  ];

  console.log('# Word search and queue benchmark');
  console.log('');
  console.log(`PostgreSQL ${version}; ${total} incidents`);
  console.log('');
  console.log('| Case | p50 ms | p95 ms | p99 ms | max ms | n | items/page |');
  console.log('|---|--:|--:|--:|--:|--:|--:|');
  for (const c of cases) {
    console.error(`measuring ${c.name}`);
    const t = await measure(c.queries);
    console.log(
      `| ${c.name} | ${fmt(t.p50)} | ${fmt(t.p95)} | ${fmt(t.p99)} | ${fmt(
        t.max,
      )} | ${t.n} | ${fmt(t.items)} |`,
    );
  }
}

main()
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => client.close());
