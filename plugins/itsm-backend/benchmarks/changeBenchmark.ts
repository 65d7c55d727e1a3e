/*
 * Change events at scale: 100,000 changes a day on 5,000 entities, one year
 * kept. Times, through HTTP on the real router, services and store:
 *   - GET /incidents/{id}/changes (the incident view's change list; target p95 < 20 ms)
 *   - GET /dora?entityRef=... (one entity; target p95 < 50 ms)
 *   - GET /dora (the organisation; target p95 < 500 ms)
 *
 *   ITSM_BENCH_PG=postgresql://postgres@127.0.0.1:5432 \
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/itsm-backend/benchmarks/changeBenchmark.ts
 *
 * PostgreSQL only (the seed is one INSERT ... SELECT over generate_series);
 * a database itsm_bench_changes is created and dropped. A fake catalog of
 * ITSM_BENCH_ENTITIES (5000) services, each depending on the next three, so
 * an incident's change list covers its entity and 39 more at depth 3.
 * ITSM_BENCH_CHANGES_PER_DAY (100000) changes over ITSM_BENCH_DAYS (365) days
 * ending now, four in five of them deploys, one deploy in 37 failed; the
 * weekly counts are built from them as ingestion keeps them. Each case gets
 * ITSM_BENCH_WARMUP (10) requests, then ITSM_BENCH_REQUESTS (200) sequential
 * ones; latency is client-side, request sent to body read.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import { Server } from 'http';
import { AddressInfo } from 'net';
import knexFactory, { Knex } from 'knex';
import { applyDatabaseMigrations } from '../src/database/migrations';
import { createRouter } from '../src/routes/router';
import { createItsmServices } from '../src/services/createItsmServices';

const DAY = 24 * 60 * 60 * 1000;

const quietLogger = {
  error: (message: string) => process.stderr.write(`${message}\n`),
  warn: (message: string) => process.stderr.write(`${message}\n`),
  info: () => {},
  debug: () => {},
  child() {
    return quietLogger;
  },
} as any;

/** Scale and repetitions of one run. */
export interface ChangeBenchmarkOptions {
  /** A PostgreSQL connection string without a database. */
  connection: string;
  entities: number;
  changesPerDay: number;
  days: number;
  requests: number;
  warmup: number;
}

/** Latency of one case, in milliseconds. */
export interface ChangeBenchmarkCase {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
  /** What the last response held, so a run shows what it read. */
  detail: string;
}

const nameOf = (i: number) => `svc-${String(i).padStart(4, '0')}`;
const refOf = (i: number) => `component:default/${nameOf(i)}`;

function fakeCatalog(count: number): CatalogService {
  const entityOf = (i: number): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: nameOf(i), namespace: 'default' },
    spec: { type: 'service', owner: `team-${i % 50}`, lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/team-${i % 50}` },
      ...[1, 2, 3].map(step => ({
        type: 'dependsOn',
        targetRef: refOf((i + step) % count),
      })),
    ],
  });
  const indexOf = (ref: string) => {
    const match = /^component:default\/svc-(\d{4})$/.exec(
      ref.toLocaleLowerCase('en-US'),
    );
    return match && Number(match[1]) < count ? Number(match[1]) : undefined;
  };
  const byRef = (ref: string) => {
    const i = indexOf(ref);
    return i === undefined ? undefined : entityOf(i);
  };
  return {
    getEntityByRef: async (ref: string) => byRef(ref),
    getEntitiesByRefs: async (request: { entityRefs: string[] }) => ({
      items: request.entityRefs.map(byRef),
    }),
  } as unknown as CatalogService;
}

/** Seeds the changes and their weekly counts in SQL, as ingestion would have. */
async function seed(knex: Knex, options: ChangeBenchmarkOptions, now: number) {
  const total = options.changesPerDay * options.days;
  const start = now - options.days * DAY;
  const span = options.days * DAY;
  await knex.raw(
    `INSERT INTO itsm_changes (id, source, dedup_key, entity_ref, owner_ref,
       kind, summary, version, author, links, labels, occurred_at,
       received_at, actor_ref, failed_at)
     SELECT md5(g::text)::uuid, 'native', 'bench-' || g,
       'component:default/svc-' || lpad((g % ?)::text, 4, '0'),
       'group:default/team-' || (g % ? % 50),
       CASE WHEN g % 5 = 0 THEN 'config' ELSE 'deploy' END,
       'Deploy svc-' || lpad((g % ?)::text, 4, '0') || ' build ' || g,
       '1.' || (g % 1000), 'ci', '[]', '{}',
       CAST(? AS BIGINT) + (g::bigint * ?) / ?, CAST(? AS BIGINT) + (g::bigint * ?) / ? + 1000, 'service:ci',
       CASE WHEN g % 5 <> 0 AND g % 37 = 0 THEN CAST(? AS BIGINT) ELSE NULL END
     FROM generate_series(1, ?) AS g`,
    [
      options.entities,
      options.entities,
      options.entities,
      start,
      span,
      total,
      start,
      span,
      total,
      now,
      total,
    ],
  );
  await knex.raw(
    `INSERT INTO itsm_change_weeks (entity_ref, week, deploys, failed_deploys)
     SELECT entity_ref, week, COUNT(*), COUNT(failed_at)
     FROM (SELECT entity_ref, failed_at,
             CAST((occurred_at - ${4 * DAY}) / ${7 * DAY} AS BIGINT) AS week
           FROM itsm_changes WHERE kind = 'deploy') AS d
     GROUP BY entity_ref, week`,
  );
  await knex.raw('VACUUM ANALYZE itsm_changes');
  await knex.raw('VACUUM ANALYZE itsm_change_weeks');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Seeds a fresh database and times the three reads; drops the database after. */
export async function measureChangeBenchmark(
  options: ChangeBenchmarkOptions,
  progress: (message: string) => void = () => {},
): Promise<ChangeBenchmarkCase[]> {
  const admin = knexFactory({ client: 'pg', connection: options.connection });
  await admin.raw('DROP DATABASE IF EXISTS itsm_bench_changes');
  await admin.raw('CREATE DATABASE itsm_bench_changes');
  const knex = knexFactory({
    client: 'pg',
    connection: `${options.connection.replace(/\/$/, '')}/itsm_bench_changes`,
  });
  await applyDatabaseMigrations(knex);
  const services = createItsmServices({
    knex,
    config: new ConfigReader({}),
    permissions: mockServices.permissions(),
    permissionsRegistry: {
      addResourceType: () => {},
      getPermissionRuleset: () => undefined,
    } as any,
    catalog: fakeCatalog(options.entities),
    auth: mockServices.auth(),
    logger: quietLogger,
  });
  const app = express();
  app.use(
    '/api/itsm',
    await createRouter({
      httpAuth: mockServices.httpAuth(),
      logger: quietLogger,
      services,
    }),
  );
  const server = await new Promise<Server>(resolve => {
    const listening = app.listen(0, () => resolve(listening));
  });
  try {
    const now = Date.now();
    const seedStart = Date.now();
    await seed(knex, options, now);
    progress(
      `Seeded ${options.changesPerDay * options.days} changes in ${Math.round(
        (Date.now() - seedStart) / 1000,
      )} s`,
    );
    const base = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/itsm`;
    const headers = {
      Authorization: mockCredentials.user.header('user:default/bench'),
      'Content-Type': 'application/json',
    };
    const incidents: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${base}/incidents`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: `Errors on ${nameOf(i * 249)}`,
          description: 'Benchmark incident',
          entityRef: refOf(i * 249),
          category: 'availability',
          impact: 2,
          urgency: 2,
          detectedAt: new Date(now - 60 * 60 * 1000).toISOString(),
        }),
      });
      incidents.push(((await res.json()) as { number: string }).number);
    }
    const time = async (
      name: string,
      paths: string[],
      describe: (body: any) => string,
    ): Promise<ChangeBenchmarkCase> => {
      const samples: number[] = [];
      let body: any;
      for (let i = 0; i < options.warmup + options.requests; i++) {
        const began = performance.now();
        const res = await fetch(`${base}${paths[i % paths.length]}`, {
          headers,
        });
        body = await res.json();
        if (res.status !== 200) {
          throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
        }
        if (i >= options.warmup) {
          samples.push(performance.now() - began);
        }
      }
      samples.sort((a, b) => a - b);
      return {
        name,
        p50: round(percentile(samples, 0.5)),
        p95: round(percentile(samples, 0.95)),
        p99: round(percentile(samples, 0.99)),
        max: round(samples[samples.length - 1]),
        n: samples.length,
        detail: describe(body),
      };
    };
    const cases = [
      await time(
        'incident change list (20 incidents, rotating)',
        incidents.map(number => `/incidents/${number}/changes`),
        body => `${body.items.length} changes listed`,
      ),
      await time(
        'DORA, one entity (20 entities, rotating)',
        incidents.map((_, i) => `/dora?entityRef=${refOf(i * 249)}`),
        body => `${body.deploys} deploys, ${body.failedDeploys} failed`,
      ),
      await time(
        'DORA, organisation',
        ['/dora'],
        body => `${body.deploys} deploys, ${body.failedDeploys} failed`,
      ),
    ];
    return cases;
  } finally {
    server.close();
    await knex.destroy();
    await admin.raw('DROP DATABASE IF EXISTS itsm_bench_changes');
    await admin.destroy();
  }
}

const intFromEnv = (name: string, fallback: number) =>
  Number(process.env[name] ?? fallback);

if (require.main === module) {
  const connection = process.env.ITSM_BENCH_PG;
  if (!connection) {
    process.stderr.write(
      'Set ITSM_BENCH_PG to a PostgreSQL connection string\n',
    );
    process.exit(1);
  }
  const options: ChangeBenchmarkOptions = {
    connection,
    entities: intFromEnv('ITSM_BENCH_ENTITIES', 5000),
    changesPerDay: intFromEnv('ITSM_BENCH_CHANGES_PER_DAY', 100_000),
    days: intFromEnv('ITSM_BENCH_DAYS', 365),
    requests: intFromEnv('ITSM_BENCH_REQUESTS', 200),
    warmup: intFromEnv('ITSM_BENCH_WARMUP', 10),
  };
  measureChangeBenchmark(options, message =>
    process.stderr.write(`${message}\n`),
  ).then(
    cases => {
      process.stdout.write('| Case | p50 | p95 | p99 | max | n | read |\n');
      process.stdout.write('| --- | --- | --- | --- | --- | --- | --- |\n');
      for (const c of cases) {
        process.stdout.write(
          `| ${c.name} | ${c.p50} | **${c.p95}** | ${c.p99} | ${c.max} | ${c.n} | ${c.detail} |\n`,
        );
      }
    },
    error => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
