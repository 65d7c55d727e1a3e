/*
 * "Due soonest" list and SLA analysis at 1,000,000 incidents, on PostgreSQL.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/itsm-backend/benchmarks/slaBenchmark.ts
 *
 * Creates the database ITSM_BENCH_SLA_DATABASE (sla_bench_itsm) when
 * missing, applies the plugin's migrations, seeds it with seedIncidents.mjs
 * (1,000,000 incidents over two years, unless already there) and stores the
 * SLA clocks of every incident in one UPDATE under 24x7 targets (P1 15 min /
 * 4 h, P2 30 min / 8 h, P3 4 h / 3 d, P4 8 h / 5 d, P5 resolve 10 d), as the
 * SLA task would have left them. Then times, in-process on the store
 * functions the routes call (no HTTP: compare with the SQL columns of
 * docs/benchmarks.md), after a warm-up:
 *   - the org-wide "due soonest" first page and the page 40 deep
 *     (`listIncidents` with `sort: 'due'`, 25 a page)
 *   - the SLA compliance of the organisation and of the busiest entity over
 *     the last 90 days (`slaCompliance`)
 * ITSM_BENCH_ROUNDS (50) timed calls each. PGHOST, PGPORT, PGUSER,
 * PGPASSWORD as for the other benchmarks.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { slaCompliance } from '../src/database/analysis/slaCompliance';
import { listIncidents } from '../src/database/incidents';
import { decodeListCursor } from '../src/database/listCursor';
import { applyDatabaseMigrations } from '../src/database/migrations';

const DATABASE = process.env.ITSM_BENCH_SLA_DATABASE ?? 'sla_bench_itsm';
const ROUNDS = Number(process.env.ITSM_BENCH_ROUNDS ?? 50);
const DAY = 86_400_000;

const connection = (database: string) => ({
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD,
  database,
});

/** Percentiles of timed calls, in ms. */
export interface Timing {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

/** Times `fn` `rounds` times after a warm-up of five calls. */
export async function timeCalls(
  fn: () => Promise<unknown>,
  rounds: number = ROUNDS,
): Promise<Timing> {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) =>
    samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return {
    p50: at(0.5),
    p95: at(0.95),
    max: samples[samples.length - 1],
    n: samples.length,
  };
}

/** Times the org-wide "due soonest" list: the first page and `depth` pages in. */
export async function measureDueSoonest(db: Knex, depth = 40) {
  const page = (after?: string) =>
    listIncidents(db, {
      filter: {},
      sort: 'due',
      after: after ? decodeListCursor(after, 'due') : undefined,
      limit: 25,
    });
  let cursor: string | undefined;
  for (let i = 0; i < depth; i++) {
    cursor = (await page(cursor)).nextCursor ?? undefined;
  }
  return {
    firstPage: await timeCalls(() => page()),
    deepPage: await timeCalls(() => page(cursor)),
  };
}

/** Times the SLA compliance of the organisation and of one entity over 90 days. */
export async function measureSlaAnalysis(
  db: Knex,
  options: { entityRef: string; now: number },
) {
  const filter = (entityRefs: string[] | null) => ({
    entityRefs,
    from: options.now - 90 * DAY,
    to: options.now,
    now: options.now,
  });
  return {
    organisation: await timeCalls(() => slaCompliance(db, filter(null))),
    entity: await timeCalls(() =>
      slaCompliance(db, filter([options.entityRef])),
    ),
  };
}

/** Stores 24x7 clocks for every incident, as the SLA task would have. */
export async function storeSlaClocks(db: Knex, now: number) {
  const target = (column: 'respond' | 'resolve') =>
    column === 'respond'
      ? `(ARRAY[900000, 1800000, 14400000, 28800000, NULL])[priority]`
      : `(ARRAY[14400000, 28800000, 259200000, 432000000, 864000000])[priority]`;
  const clock = (column: 'respond' | 'resolve', stop: string) => `
    sla_${column}_target_ms = ${target(column)},
    sla_${column}_due_at = CASE WHEN ${target(
    column,
  )} IS NULL THEN NULL ELSE detected_at + ${target(column)} END,
    sla_${column}_status = CASE
      WHEN ${target(column)} IS NULL THEN NULL
      WHEN COALESCE(${stop}, ${now}) - detected_at > ${target(
    column,
  )} THEN 'breached'
      WHEN status = 'cancelled' THEN 'cancelled'
      WHEN ${stop} IS NOT NULL THEN 'met'
      ELSE 'running' END,
    sla_${column}_left_ms = ${target(
    column,
  )} - (COALESCE(${stop}, ${now}) - detected_at),
    sla_${column}_paused_ms = 0`;
  await db.raw(`
    UPDATE itsm_incidents SET
      sla_priority = priority,
      ${clock('respond', 'acknowledged_at')},
      ${clock('resolve', 'resolved_at')}`);
  await db.raw(`
    UPDATE itsm_incidents SET sla_due_at = LEAST(
      CASE WHEN acknowledged_at IS NULL AND sla_respond_due_at IS NOT NULL THEN sla_respond_due_at ELSE ${Number.MAX_SAFE_INTEGER} END,
      CASE WHEN resolved_at IS NULL AND status <> 'cancelled' THEN sla_resolve_due_at ELSE ${Number.MAX_SAFE_INTEGER} END)
    WHERE status IN ('new', 'in_progress', 'on_hold')`);
  await db.raw('VACUUM ANALYZE itsm_incidents');
}

async function main() {
  const admin = knexFactory({
    client: 'pg',
    connection: connection('postgres'),
  });
  const exists = await admin.raw(
    'SELECT 1 FROM pg_database WHERE datname = ?',
    [DATABASE],
  );
  if (exists.rows.length === 0) {
    await admin.raw(`CREATE DATABASE ${DATABASE}`);
  }
  await admin.destroy();
  const db = knexFactory({ client: 'pg', connection: connection(DATABASE) });
  await applyDatabaseMigrations(db);
  const seeded = spawnSync(
    process.execPath,
    [join(__dirname, 'seedIncidents.mjs')],
    {
      stdio: 'inherit',
      env: { ...process.env, ITSM_BENCH_DATABASE: DATABASE },
    },
  );
  if (seeded.status !== 0) {
    throw new Error('seeding failed');
  }
  const now = Date.now();
  const { count } = (await db('itsm_incidents')
    .whereNull('sla_priority')
    .count({ count: '*' })
    .first()) as { count: string };
  if (Number(count) > 0) {
    const started = Date.now();
    await storeSlaClocks(db, now);
    console.log(`stored the SLA clocks in ${Date.now() - started} ms`);
  }
  const busiest = await db('itsm_incidents')
    .select('entity_ref')
    .count({ n: '*' })
    .groupBy('entity_ref')
    .orderBy('n', 'desc')
    .first();
  const total = await db('itsm_incidents').count({ n: '*' }).first();
  console.log(
    `incidents: ${total?.n}; busiest entity: ${busiest?.entity_ref} (${busiest?.n})`,
  );
  const due = await measureDueSoonest(db);
  const analysis = await measureSlaAnalysis(db, {
    entityRef: String(busiest?.entity_ref),
    now,
  });
  console.table({
    'due soonest, org-wide, first page': due.firstPage,
    'due soonest, org-wide, page 41': due.deepPage,
    'SLA analysis, organisation, 90 days': analysis.organisation,
    'SLA analysis, busiest entity, 90 days': analysis.entity,
  });
  await db.destroy();
}

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
