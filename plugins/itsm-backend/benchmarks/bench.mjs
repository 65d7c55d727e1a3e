#!/usr/bin/env node
// @ts-check
/*
 * `yarn bench [--quick] [--out <file>] [--skip-build] [--only <case id>]`
 *
 * Builds the backend for production (`yarn build:backend`), runs the bundle
 * with NODE_ENV=production on PostgreSQL (a second instance on the same
 * database for the two-instance case), seeds what the cases need (the seed
 * scripts skip what is there), runs every case of `cases/` beside its floor
 * measured in the same run, and writes one markdown report with each figure
 * beside its target, the ratios to the floors, where the time of each request
 * goes and the backend's RSS after each case. Stops everything it started.
 *
 * Exits 1 on an error (a failed build, a backend that does not start, a
 * request that fails, a lost or duplicated alert), never on a figure.
 *
 * Environment: POSTGRES_HOST (127.0.0.1), POSTGRES_PORT (5432),
 * POSTGRES_USER (postgres), POSTGRES_PASSWORD, ITSM_BENCH_PORTS (7170,7171).
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createHttpClient, fetchGuestToken } from './lib/benchmarkKit.mjs';
import { latency, throughput } from './lib/measure.mjs';
import {
  REPO,
  buildBackend,
  makeRunDir,
  startBackend,
  unpackBundle,
} from './lib/productionBackend.mjs';
import { writeReport } from './lib/report.mjs';
import { createSeeder } from './lib/seeds.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const SIZES = {
  quick: {
    incidents: 10_000,
    entities: 100,
    readWarmup: 5,
    readRequests: 40,
    readSeconds: 10,
    profileRequests: 5,
    noopRequests: 100,
    fingerprints: 100,
    replays: 10,
    profileFingerprints: 10,
    concurrency: 8,
    notifyRounds: 2,
  },
  full: {
    incidents: 1_000_000,
    entities: 5_000,
    readWarmup: 20,
    readRequests: 300,
    readSeconds: 30,
    profileRequests: 20,
    noopRequests: 2_000,
    fingerprints: 2_000,
    replays: 10,
    profileFingerprints: 20,
    concurrency: 8,
    notifyRounds: 9,
  },
};

function parseArgs(argv) {
  const args = { quick: false, out: undefined, skipBuild: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--skip-build') args.skipBuild = true;
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--only') args.only.push(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function loadCases(only) {
  const dir = path.join(here, 'cases');
  const files = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.mjs'))
    .sort();
  const cases = [];
  for (const file of files) {
    const c = (await import(path.join(dir, file))).default;
    if (!c?.id || typeof c.run !== 'function') {
      throw new Error(`cases/${file} must export default { id, title, run }`);
    }
    if (only.length === 0 || only.includes(c.id)) cases.push(c);
  }
  return cases;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const size = args.quick ? 'quick' : 'full';
  const params = SIZES[size];
  const out = path.resolve(
    args.out ??
      (args.quick
        ? path.join(os.tmpdir(), 'itsm-bench-quick.md')
        : path.join(REPO, 'docs/bench-report.md')),
  );
  const started = Date.now();
  const log = message =>
    process.stderr.write(
      `[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}\n`,
    );
  const errors = [];
  const cases = await loadCases(args.only);
  const [portA, portB] = (process.env.ITSM_BENCH_PORTS ?? '7170,7171')
    .split(',')
    .map(Number);
  const prefix = args.quick ? 'itsm_benchq_' : 'itsm_bench_';
  const database = `${prefix}itsm`;
  const pgEnv = {
    POSTGRES_HOST: process.env.POSTGRES_HOST ?? '127.0.0.1',
    POSTGRES_PORT: process.env.POSTGRES_PORT ?? '5432',
    POSTGRES_USER: process.env.POSTGRES_USER ?? 'postgres',
    POSTGRES_PASSWORD: process.env.POSTGRES_PASSWORD ?? '',
  };
  const connectDb = async () => {
    const c = new pg.Client({
      host: pgEnv.POSTGRES_HOST,
      port: Number(pgEnv.POSTGRES_PORT),
      user: pgEnv.POSTGRES_USER,
      password: pgEnv.POSTGRES_PASSWORD || undefined,
      database,
      application_name: 'itsm-bench',
    });
    await c.connect();
    return c;
  };
  const alertToken = crypto.randomBytes(24).toString('hex');
  // A service token (the MCP client's): the collation case reads the
  // search documents as the search module does, as a service.
  const serviceToken = crypto.randomBytes(24).toString('hex');
  const backendEnv = {
    ...pgEnv,
    ITSM_BENCH_DB_PREFIX: prefix,
    ITSM_ALERTMANAGER_TOKEN: alertToken,
    // Production refuses to start without an MCP client's token; the
    // benchmark gives it one nobody knows.
    ITSM_MCP_TOKEN: serviceToken,
  };

  const runDir = makeRunDir();
  const instances = [];
  const stopAll = async () => {
    for (const i of instances.splice(0)) await i.stop();
  };
  const onSignal = async signal => {
    log(`${signal}: stopping the backends`);
    await stopAll();
    fs.rmSync(runDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const results = [];
  const memory = [];
  let db;
  let bundle;
  const clients = [];
  try {
    if (!args.skipBuild) buildBackend(log);
    bundle = unpackBundle(path.join(runDir, 'bundle'));
    const start = async port => {
      const instance = await startBackend({
        bundleDir: bundle.dir,
        port,
        env: backendEnv,
        logFile: path.join(runDir, `backend-${port}.log`),
        log,
      });
      instance.client = createHttpClient({ baseUrl: instance.baseUrl });
      clients.push(instance.client);
      instances.push(instance);
      return instance;
    };
    const a = await start(portA);
    db = await connectDb();
    const pgVersion = (await db.query('SHOW server_version')).rows[0]
      .server_version;
    let userToken = await fetchGuestToken(a.client);
    const getAsUser = async requestPath => {
      let res = await a.client.get(requestPath, {
        authorization: `Bearer ${userToken}`,
      });
      if (res.status === 401) {
        userToken = await fetchGuestToken(a.client);
        res = await a.client.get(requestPath, {
          authorization: `Bearer ${userToken}`,
        });
      }
      if (res.status !== 200) {
        throw new Error(
          `GET ${requestPath} answered ${res.status}: ${res.body.slice(
            0,
            300,
          )}`,
        );
      }
      return res;
    };
    await waitForCatalog(getAsUser);
    log('the catalog holds the example entities');

    let second;
    const ctx = {
      size,
      quick: args.quick,
      /** What one case leaves for a later one (the single-instance rate). */
      shared: {},
      params,
      database,
      db,
      connectDb,
      alertToken,
      serviceToken,
      a,
      log,
      getAsUser,
      fail: message => {
        errors.push(message);
        log(`ERROR ${message}`);
      },
      seed: createSeeder({
        database,
        incidents: params.incidents,
        entities: params.entities,
        log,
      }),
      second: async () => {
        second ??= await start(portB);
        return second;
      },
      /** The authenticated no-op request, one at a time: p50 and p95 ms. */
      noopLatency: () =>
        latency(async () => (await getAsUser('/api/itsm/ping')).ms, {
          warmup: 10,
          requests: Math.min(300, params.noopRequests),
          seconds: 10,
        }),
      /** The authenticated no-op request's rate at `concurrency`, requests/s. */
      noopRate: async concurrency => {
        const client = createHttpClient({
          baseUrl: a.baseUrl,
          maxSockets: concurrency,
        });
        try {
          const jobs = Array.from({ length: params.noopRequests }, (_, i) => i);
          const r = await throughput(
            jobs,
            async () => {
              const res = await client.get('/api/itsm/ping', {
                authorization: `Bearer ${alertToken}`,
              });
              if (res.status !== 200) {
                throw new Error(`/api/itsm/ping answered ${res.status}`);
              }
              return res.ms;
            },
            concurrency,
          );
          return jobs.length / r.seconds;
        } finally {
          client.close();
        }
      },
    };

    memory.push({ after: 'start', a: a.rssMb(), b: NaN });
    for (const c of cases) {
      log(`case ${c.id}: ${c.title}`);
      const caseStarted = Date.now();
      try {
        const rows = await c.run(ctx);
        results.push({
          case: c,
          rows,
          seconds: (Date.now() - caseStarted) / 1000,
        });
      } catch (error) {
        ctx.fail(`${c.id}: ${error instanceof Error ? error.message : error}`);
        results.push({ case: c, rows: [], error: String(error), seconds: 0 });
      }
      memory.push({
        after: c.id,
        a: a.rssMb(),
        b: second ? second.rssMb() : NaN,
      });
    }
    writeReport({
      out,
      size,
      params,
      pgVersion,
      node: process.version,
      cpus: os.cpus().length,
      load: os.loadavg(),
      commit: gitHead(),
      bundle,
      results,
      memory,
      errors,
      seconds: (Date.now() - started) / 1000,
    });
    log(`report written to ${out}`);
  } catch (error) {
    errors.push(String(error instanceof Error ? error.message : error));
    log(`ERROR ${errors[errors.length - 1]}`);
  } finally {
    for (const c of clients) c.close();
    await db?.end().catch(() => {});
    await stopAll();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  if (errors.length > 0) {
    log(`${errors.length} error(s); see above`);
    process.exitCode = 1;
  } else {
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

/** The alert storms route by catalog entity: wait until the examples are in. */
async function waitForCatalog(getAsUser) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await getAsUser(
        '/api/catalog/entities/by-name/component/default/auth-service',
      );
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`the catalog did not load the examples: ${error}`);
      }
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

function gitHead() {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return git.status === 0 ? git.stdout.trim() : 'unknown';
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
