#!/usr/bin/env node
// @ts-check
/*
 * Latency of the incident list: `GET /api/itsm/incidents` through HTTP and
 * the same keyset query straight on PostgreSQL.
 *
 *   node plugins/itsm-backend/benchmarks/incidentListBenchmark.mjs
 *
 * Needs the backend started with benchmarks/app-config.benchmark.yaml (port
 * 7107, database prefix itsm_bench_) and the data of seedIncidents.mjs.
 *
 * Entities measured: the busiest, the median one (by incident count) and a
 * seeded random sample of 20 (requests rotate over the sample). For each:
 *   - first page: `?entityRef=…&limit=25`
 *   - deep page: the cursor reached by following nextCursor 40 pages deep
 *     (fewer when the entity runs out of pages; the depth is reported), then
 *     every timed request is made at that cursor
 * and for the org-wide list (no entityRef): the first page and page 41.
 *
 * Each case gets a warm-up, then up to 300 sequential requests over one
 * keep-alive connection (each case is bounded by count and time, the whole run
 * by a deadline). Latency is client-side, request written to body fully read.
 * The raw SQL side builds the store's query with knex (same shape as
 * src/database/incidents.ts + paging.ts: `select * … where entity_ref in (…)
 * and (created_at, id) < (?, ?) order by created_at desc, id desc limit 26`),
 * runs it over `pg` with the same values, prints `EXPLAIN (ANALYZE, BUFFERS)`
 * once per case and times it the same way.
 *
 * Environment: ITSM_BENCH_URL (http://localhost:7107), PGHOST (127.0.0.1),
 * PGPORT (5432), PGUSER (postgres), PGPASSWORD, ITSM_BENCH_DATABASE
 * (itsm_bench_itsm), ITSM_BENCH_REQUESTS (300), ITSM_BENCH_WARMUP (30),
 * ITSM_BENCH_CASE_SECONDS (60), ITSM_BENCH_DEADLINE_SECONDS (900).
 */
import knexFactory from 'knex';
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
const LIMIT = 25;
const DEEP_PAGES = 40;
const SAMPLE_SIZE = 20;
const REQUESTS = intFromEnv('ITSM_BENCH_REQUESTS', 300);
const WARMUP = intFromEnv('ITSM_BENCH_WARMUP', 30);
const CASE_MS = intFromEnv('ITSM_BENCH_CASE_SECONDS', 60) * 1000;
const DEADLINE =
  Date.now() + intFromEnv('ITSM_BENCH_DEADLINE_SECONDS', 900) * 1000;
const REQUEST_TIMEOUT_MS = 10_000;
const SEED = 20261123;

function checkDeadline() {
  if (Date.now() > DEADLINE) {
    throw new Error('benchmark deadline passed; stopping');
  }
}

// ---------------------------------------------------------------- HTTP --

const client = createHttpClient({
  baseUrl: BASE_URL,
  timeoutMs: REQUEST_TIMEOUT_MS,
});
const { get, send } = client;
let token = '';

async function fetchToken() {
  token = await fetchGuestToken(client);
}

/** One list request; retries once with a fresh token on 401. */
async function listIncidents(query) {
  const path = `/api/itsm/incidents?${new URLSearchParams(query)}`;
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

/**
 * Baseline: the permission backend's authorize endpoint, which the list
 * handler calls over loopback HTTP (authorizeConditional) on every request.
 * A basic permission, since user tokens may not ask about resource ones.
 */
const AUTHORIZE_BODY = JSON.stringify({
  items: [
    {
      id: 'bench',
      permission: {
        type: 'basic',
        name: 'itsm.incident.create',
        attributes: { action: 'create' },
      },
    },
  ],
});

async function authorizeOnce() {
  const res = await send(
    'POST',
    '/api/permission/authorize',
    { authorization: `Bearer ${token}` },
    AUTHORIZE_BODY,
  );
  if (res.status !== 200) {
    throw new Error(
      `POST /api/permission/authorize answered ${res.status}: ${res.body.slice(
        0,
        300,
      )}`,
    );
  }
  return res;
}

function queryOf(entityRef, cursor) {
  const q = { limit: String(LIMIT) };
  if (entityRef) q.entityRef = entityRef;
  if (cursor) q.cursor = cursor;
  return q;
}

/** Follows nextCursor up to `pages` times; the cursor of the last page reached. */
async function deepCursor(entityRef, pages) {
  let cursor = null;
  let depth = 0;
  for (let i = 0; i < pages; i++) {
    checkDeadline();
    const res = await listIncidents(queryOf(entityRef, cursor ?? undefined));
    const page = JSON.parse(res.body);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    depth += 1;
  }
  // `depth` pages skipped: the cursor opens page depth + 1.
  return { cursor, page: depth + 1 };
}

// ----------------------------------------------------------------- SQL --

const knex = knexFactory({ client: 'pg' });

function decodeCursor(cursor) {
  const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  return { key, id };
}

/** The store's list query (no filter but entity, no permission restriction). */
function listSql(entityRef, cursor) {
  const q = knex('itsm_incidents').select('*');
  if (entityRef) q.whereIn('entity_ref', [entityRef]);
  if (cursor) {
    const { key, id } = decodeCursor(cursor);
    q.whereRaw('(??, ??) < (?, ?)', ['created_at', 'id', key, id]);
  }
  q.orderBy([
    { column: 'created_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]).limit(LIMIT + 1);
  const native = q.toSQL().toNative();
  return { text: native.sql, values: native.bindings };
}

// --------------------------------------------------------------- stats --

/**
 * Runs `op(i)` for a warm-up then up to REQUESTS timed rounds, bounded by
 * CASE_MS and the global deadline; `op` returns elapsed ms.
 */
async function measure(op) {
  const warmEnd = Date.now() + Math.min(10_000, CASE_MS / 4);
  for (let i = 0; i < WARMUP && Date.now() < warmEnd; i++) {
    checkDeadline();
    await op(i);
  }
  const samples = [];
  const end = Date.now() + CASE_MS;
  for (let i = 0; i < REQUESTS && Date.now() < end; i++) {
    checkDeadline();
    samples.push(await op(i));
  }
  return summarise(samples);
}

const fmt = v => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');

// ---------------------------------------------------------------- main --

async function main() {
  const db = new pg.Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
    database: process.env.ITSM_BENCH_DATABASE ?? 'itsm_bench_itsm',
    application_name: 'itsm-bench-list',
  });
  await db.connect();
  try {
    await run(db);
  } finally {
    await db.end();
    client.close();
    await knex.destroy();
  }
}

async function run(db) {
  const started = Date.now();
  const health = await get('/api/itsm/health');
  if (health.status !== 200) {
    throw new Error(`${BASE_URL}/api/itsm/health answered ${health.status}`);
  }
  await fetchToken();

  // Entities by incident count.
  const { rows: counts } = await db.query(`
    SELECT entity_ref, count(*)::int AS n FROM itsm_incidents
    GROUP BY entity_ref ORDER BY n DESC, entity_ref`);
  if (counts.length === 0)
    throw new Error('itsm_incidents is empty; run seedIncidents.mjs');
  const total = counts.reduce((s, r) => s + r.n, 0);
  const busiest = counts[0];
  const median = counts[Math.floor(counts.length / 2)];
  const rand = mulberry32(SEED);
  const pool = [...counts].sort((a, b) =>
    a.entity_ref.localeCompare(b.entity_ref),
  );
  const sample = [];
  while (sample.length < Math.min(SAMPLE_SIZE, pool.length)) {
    const pick = pool.splice(Math.floor(rand() * pool.length), 1)[0];
    sample.push(pick);
  }
  const sampleCounts = sample.map(s => s.n).sort((a, b) => a - b);

  const { rows: pgVersion } = await db.query('SHOW server_version');
  console.log(`# Incident list benchmark`);
  console.log('');
  console.log(
    `- backend: ${BASE_URL}, Node ${process.version}, PostgreSQL ${pgVersion[0].server_version}`,
  );
  console.log(`- data: ${total} incidents over ${counts.length} entities`);
  console.log(
    `- busiest: ${busiest.entity_ref} (${busiest.n} incidents); median: ${median.entity_ref} (${median.n})`,
  );
  console.log(
    `- random sample: ${sample.length} entities, ${sampleCounts[0]}..${
      sampleCounts[sampleCounts.length - 1]
    } incidents (median ${sampleCounts[Math.floor(sampleCounts.length / 2)]})`,
  );
  console.log(
    `- per case: ${WARMUP} warm-up, up to ${REQUESTS} timed requests, limit=${LIMIT}`,
  );
  console.log('');

  // Cases: each has a list of (entityRef, cursor) targets, rotated over.
  /** @type {{ name: string, targets: { entityRef?: string, cursor?: string }[], page: string, kind?: 'list' | 'authorize', allowEmpty?: boolean }[]} */
  const cases = [];
  const deepOf = async entityRef => deepCursor(entityRef, DEEP_PAGES);

  cases.push({
    name: `busiest (${busiest.n}), first page`,
    targets: [{ entityRef: busiest.entity_ref }],
    page: '1',
  });
  const busyDeep = await deepOf(busiest.entity_ref);
  cases.push({
    name: `busiest, deep page`,
    targets: [
      { entityRef: busiest.entity_ref, cursor: busyDeep.cursor ?? undefined },
    ],
    page: String(busyDeep.page),
  });

  cases.push({
    name: `median (${median.n}), first page`,
    targets: [{ entityRef: median.entity_ref }],
    page: '1',
  });
  const medDeep = await deepOf(median.entity_ref);
  cases.push({
    name: `median, deepest page (≤ 41)`,
    targets: [
      { entityRef: median.entity_ref, cursor: medDeep.cursor ?? undefined },
    ],
    page: String(medDeep.page),
  });

  cases.push({
    name: `random ${sample.length}, first page`,
    targets: sample.map(s => ({ entityRef: s.entity_ref })),
    page: '1',
  });
  const sampleDeep = [];
  for (const s of sample)
    sampleDeep.push({
      entityRef: s.entity_ref,
      ...(await deepOf(s.entity_ref)),
    });
  const depths = sampleDeep.map(d => d.page).sort((a, b) => a - b);
  cases.push({
    name: `random ${sample.length}, deepest page (≤ 41)`,
    targets: sampleDeep.map(d => ({
      entityRef: d.entityRef,
      cursor: d.cursor ?? undefined,
    })),
    page:
      depths[0] === depths[depths.length - 1]
        ? String(depths[0])
        : `${depths[0]}–${depths[depths.length - 1]}`,
  });

  cases.push({ name: `org-wide, first page`, targets: [{}], page: '1' });
  const orgDeep = await deepOf(undefined);
  cases.push({
    name: `org-wide, deep page`,
    targets: [{ cursor: orgDeep.cursor ?? undefined }],
    page: String(orgDeep.page),
  });

  // Baselines: fixed cost of a list request without rows, and of the
  // permission round trip inside it.
  cases.push({
    name: `baseline: unknown entity (empty page)`,
    targets: [{ entityRef: 'component:default/no-such-service' }],
    page: '1',
    allowEmpty: true,
  });
  cases.push({
    name: `baseline: POST /api/permission/authorize`,
    targets: [{}],
    page: '–',
    kind: 'authorize',
  });

  // HTTP.
  /** @typedef {ReturnType<typeof summarise>} Summary */
  /** @type {{ c: (typeof cases)[number], http: Summary, sql?: Summary, planKey?: string, planExec?: string }[]} */
  const results = [];
  for (const c of cases) {
    const timing = await measure(async i => {
      if (c.kind === 'authorize') return (await authorizeOnce()).ms;
      const t = c.targets[i % c.targets.length];
      const res = await listIncidents(queryOf(t.entityRef, t.cursor));
      const page = JSON.parse(res.body);
      if (
        !Array.isArray(page.items) ||
        (page.items.length === 0 && !c.allowEmpty)
      ) {
        throw new Error(`${c.name}: empty page`);
      }
      return res.ms;
    });
    results.push({ c, http: timing });
    console.error(
      `http  ${c.name}: p50 ${fmt(timing.p50)} p95 ${fmt(timing.p95)} ms (n=${
        timing.n
      })`,
    );
  }

  // Raw SQL: plan once, then time.
  const plans = [];
  for (const r of results) {
    if (r.c.kind === 'authorize') continue;
    const t0 = r.c.targets[0];
    const q = listSql(t0.entityRef, t0.cursor);
    const { rows: planRows } = await db.query({
      text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`,
      values: q.values,
    });
    const plan = planRows.map(row => row['QUERY PLAN']);
    const scan = plan.find(l => /Scan/.test(l)) ?? plan[0];
    const key = scan
      .trim()
      .replace(/^->\s*/, '')
      .replace(/\s*\(cost=.*$/, '');
    const execution = plan.find(l => l.startsWith('Execution Time')) ?? '';
    plans.push({ name: r.c.name, sql: q, plan });
    r.planKey = key;
    r.planExec = execution.replace('Execution Time: ', '');
    r.sql = await measure(async i => {
      const t = r.c.targets[i % r.c.targets.length];
      const sq = listSql(t.entityRef, t.cursor);
      const s0 = process.hrtime.bigint();
      const res = await db.query(sq);
      const ms = Number(process.hrtime.bigint() - s0) / 1e6;
      if (res.rowCount === 0 && !r.c.allowEmpty)
        throw new Error(`${r.c.name}: no rows`);
      return ms;
    });
    console.error(
      `sql   ${r.c.name}: p50 ${fmt(r.sql.p50)} p95 ${fmt(r.sql.p95)} ms`,
    );
  }

  console.log('## Results (ms)');
  console.log('');
  console.log(
    '| Case | Page | HTTP p50 | HTTP p95 | HTTP p99 | HTTP max | SQL p50 | SQL p95 | SQL p99 | SQL max | n (HTTP/SQL) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const sql = r.sql ?? { p50: NaN, p95: NaN, p99: NaN, max: NaN, n: 0 };
    console.log(
      `| ${r.c.name} | ${r.c.page} | ${fmt(r.http.p50)} | ${fmt(
        r.http.p95,
      )} | ${fmt(r.http.p99)} | ${fmt(r.http.max)} | ${fmt(sql.p50)} | ${fmt(
        sql.p95,
      )} | ${fmt(sql.p99)} | ${fmt(sql.max)} | ${r.http.n}/${sql.n} |`,
    );
  }
  console.log('');
  console.log(
    '## Plans (scan node of EXPLAIN ANALYZE, first target of each case)',
  );
  console.log('');
  console.log('| Case | Scan | Execution |');
  console.log('|---|---|---:|');
  for (const r of results) {
    if (!r.planKey) continue;
    console.log(`| ${r.c.name} | \`${r.planKey}\` | ${r.planExec} |`);
  }
  console.log('');
  console.log('## Full plans');
  for (const p of plans) {
    console.log('');
    console.log(`### ${p.name}`);
    console.log('');
    console.log('```');
    console.log(p.sql.text);
    console.log(`-- values: ${JSON.stringify(p.sql.values)}`);
    console.log(p.plan.join('\n'));
    console.log('```');
  }
  console.log('');
  console.log(
    `HTTP connections opened: ${client.connectionsOpened()} (keep-alive); run took ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );
}

main().catch(error => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
