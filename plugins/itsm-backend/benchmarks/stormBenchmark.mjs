#!/usr/bin/env node
// @ts-check
/*
 * `node plugins/itsm-backend/benchmarks/stormBenchmark.mjs [--fingerprints N]
 *   [--replays N] [--big N] [--concurrency N] [--out <file>]`
 *
 * Two instances of the production bundle (packages/backend/dist, built by
 * `yarn build:backend`) on one fresh PostgreSQL database (prefix
 * `itsm_storm_`, dropped first) take an alert storm: Alertmanager webhooks of
 * 10 alerts and PagerDuty Events v2 events, every alert replayed, every
 * delivery sent to both instances. Mid-storm one instance is killed with
 * SIGKILL and restarted, and the backends' database sessions are terminated
 * several times; the sender retries every answer but a 2xx. Then one webhook
 * of `--big` alerts goes to one instance while another client creates
 * incidents on both, whose latency is measured against a quiet baseline.
 *
 * Checks in the database: no acknowledged alert lost, one open incident per
 * key, occurrences at least the acknowledged deliveries and at most the
 * attempts, incident numbers gap-free, nothing in the unrouted inbox, no 4xx
 * for a valid delivery (not even while an instance starts). Exits 1 when a
 * check fails.
 *
 * Environment: POSTGRES_HOST (127.0.0.1), POSTGRES_PORT (5432),
 * POSTGRES_USER (postgres), POSTGRES_PASSWORD, ITSM_STORM_PORTS (7180,7181).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  alertmanagerDeliveries,
  eventsV2Deliveries,
  newRunId,
} from './lib/alertLoad.mjs';
import {
  createHttpClient,
  fetchGuestToken,
  summarise,
} from './lib/benchmarkKit.mjs';
import {
  makeRunDir,
  startBackend,
  unpackBundle,
} from './lib/productionBackend.mjs';
import { createTally, keysOf, sendQueue } from './lib/retryingSender.mjs';
import {
  checkAlerts,
  checkNumbers,
  countUnrouted,
} from './lib/stormChecks.mjs';
import { dropSessions, killHard } from './lib/stormFaults.mjs';

const PREFIX = 'itsm_storm_';
const DATABASE = `${PREFIX}itsm`;
const OWN_NAME = 'itsm-storm';

function parseArgs(argv) {
  const args = {
    fingerprints: 1000,
    replays: 4,
    big: 10_000,
    concurrency: 4,
    out: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const n = Number(argv[++i]);
      if (!Number.isSafeInteger(n) || n <= 0)
        throw new Error(`${a} needs a positive integer`);
      return n;
    };
    if (a === '--fingerprints') args.fingerprints = value();
    else if (a === '--replays') args.replays = value();
    else if (a === '--big') args.big = value();
    else if (a === '--concurrency') args.concurrency = value();
    else if (a === '--out') args.out = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  if (args.big > 10_000)
    throw new Error('--big is at most 10000 (the schema maximum)');
  return args;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = message =>
    process.stderr.write(
      `[storm ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}\n`,
    );
  const [portA, portB] = (process.env.ITSM_STORM_PORTS ?? '7180,7181')
    .split(',')
    .map(Number);
  const pgEnv = {
    POSTGRES_HOST: process.env.POSTGRES_HOST ?? '127.0.0.1',
    POSTGRES_PORT: process.env.POSTGRES_PORT ?? '5432',
    POSTGRES_USER: process.env.POSTGRES_USER ?? 'postgres',
    POSTGRES_PASSWORD: process.env.POSTGRES_PASSWORD ?? '',
  };
  const connect = async database => {
    const c = new pg.Client({
      host: pgEnv.POSTGRES_HOST,
      port: Number(pgEnv.POSTGRES_PORT),
      user: pgEnv.POSTGRES_USER,
      password: pgEnv.POSTGRES_PASSWORD || undefined,
      database,
      application_name: OWN_NAME,
    });
    await c.connect();
    return c;
  };
  const alertToken = crypto.randomBytes(24).toString('hex');
  const backendEnv = {
    ...pgEnv,
    ITSM_BENCH_DB_PREFIX: PREFIX,
    ITSM_ALERTMANAGER_TOKEN: alertToken,
    ITSM_MCP_TOKEN: crypto.randomBytes(24).toString('hex'),
  };

  const runDir = makeRunDir();
  /** @type {Record<string, any>} */
  const running = {};
  const stopAll = async () => {
    for (const key of Object.keys(running)) {
      await running[key].stop();
      delete running[key];
    }
  };
  const onSignal = async signal => {
    log(`${signal}: stopping the backends`);
    await stopAll();
    fs.rmSync(runDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const failures = [];
  const check = (ok, text) => {
    if (!ok) failures.push(text);
    log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  };
  const report = { args, node: process.version, cpus: os.cpus().length };
  let db;
  try {
    const admin = await connect('postgres');
    const { rows: old } = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${PREFIX}%`],
    );
    for (const { datname } of old) {
      await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    }
    await admin.end();
    log(`dropped ${old.length} database(s) of earlier runs`);

    const bundle = unpackBundle(path.join(runDir, 'bundle'));
    const start = async (name, port) => {
      running[name] = await startBackend({
        bundleDir: bundle.dir,
        port,
        env: backendEnv,
        logFile: path.join(runDir, `backend-${port}.log`),
        log,
      });
      return running[name];
    };
    // One after the other: the second finds the migrations done.
    await start('a', portA);
    await start('b', portB);
    db = await connect(DATABASE);
    report.pgVersion = (
      await db.query('SHOW server_version')
    ).rows[0].server_version;
    const userClients = [portA, portB].map(port =>
      createHttpClient({
        baseUrl: `http://localhost:${port}`,
        timeoutMs: 120_000,
      }),
    );
    let userToken = await fetchGuestToken(userClients[0]);
    await waitForCatalog(userClients[0], () => userToken);
    log('the catalog holds the example entities');

    // The storm: both sources interleaved, the same list to each instance.
    const am = alertmanagerDeliveries({
      run: newRunId('am'),
      fingerprints: args.fingerprints,
      replays: args.replays,
      batch: 10,
    });
    const pd = eventsV2Deliveries({
      run: newRunId('pd'),
      fingerprints: args.fingerprints,
      replays: args.replays,
    });
    const deliveries = interleave(
      am.bodies.map(body => ({ path: am.path, source: am.source, body })),
      pd.bodies.map(body => ({ path: pd.path, source: pd.source, body })),
    ).map(d => ({ ...d, keys: keysOf(d) }));
    const total = deliveries.length * 2;
    let done = 0;
    const tally = createTally();
    log(
      `storm: ${am.bodies.length} webhooks of 10 and ${
        pd.bodies.length
      } events (${am.alerts + pd.alerts} alerts), each to both instances`,
    );

    const faults = [];
    const stormStarted = Date.now();
    const sending = Promise.all(
      [portA, portB].map(port =>
        sendQueue({
          baseUrl: `http://localhost:${port}`,
          deliveries,
          token: alertToken,
          concurrency: args.concurrency,
          tally,
          onProgress: () => {
            done += 1;
          },
        }),
      ),
    );
    let sendingDone = false;
    sending.finally(() => {
      sendingDone = true;
    });
    const plan = [
      { at: 0.1, kind: 'drop' },
      { at: 0.25, kind: 'kill' },
      { at: 0.4, kind: 'drop' },
      { at: 0.55, kind: 'drop' },
      { at: 0.7, kind: 'drop' },
    ];
    let lastFault = 0;
    for (const step of plan) {
      // Apart in time too, so that two drops never fall on one moment.
      while (
        !sendingDone &&
        (done / total < step.at || Date.now() - lastFault < 3000)
      ) {
        await sleep(50);
      }
      if (sendingDone) break;
      const at = `${((Date.now() - stormStarted) / 1000).toFixed(
        1,
      )} s, ${Math.round((100 * done) / total)} %`;
      if (step.kind === 'drop') {
        const n = await dropSessions(db, DATABASE, OWN_NAME);
        faults.push({
          kind: 'pg_terminate_backend',
          at,
          detail: `${n} sessions`,
        });
        log(`dropped ${n} database sessions at ${at}`);
      } else {
        const killed = Date.now();
        await killHard(running.b);
        log(`kill -9 of the instance on ${portB} at ${at}`);
        delete running.b;
        await start('b', portB);
        const seconds = (Date.now() - killed) / 1000;
        faults.push({
          kind: 'kill -9 and restart',
          at,
          detail: `healthy again after ${seconds.toFixed(1)} s`,
        });
      }
      lastFault = Date.now();
    }
    const [sentA, sentB] = await sending;
    const stormSeconds = (Date.now() - stormStarted) / 1000;
    report.storm = {
      webhooks: am.bodies.length,
      events: pd.bodies.length,
      alerts: am.alerts + pd.alerts,
      fingerprints: 2 * args.fingerprints,
      seconds: stormSeconds,
      deliveriesPerSecond: total / stormSeconds,
      alertsPerSecond: (2 * (am.alerts + pd.alerts)) / stormSeconds,
      a: sentA,
      b: sentB,
      faults,
    };
    check(
      faults.length === plan.length,
      `every planned fault ran during the storm (${faults.length} of ${plan.length})`,
    );
    check(
      sentA.failed + sentB.failed === 0,
      `every delivery acknowledged in the end (${
        sentA.failed + sentB.failed
      } given up)`,
    );
    const notReady4xx = sentA.status4xx + sentB.status4xx;
    const ready4xx = sentA.status4xxWhenReady + sentB.status4xxWhenReady;
    check(
      ready4xx === 0,
      `no 4xx for a valid delivery from a ready instance (${ready4xx}${
        sentB.firstStatus4xx ? `; first 4xx: ${sentB.firstStatus4xx}` : ''
      }${sentA.firstStatus4xx ? `; first 4xx: ${sentA.firstStatus4xx}` : ''})`,
    );
    // Behind a load balancer that follows readiness (README, "Start-up,
    // readiness and probes") these never reach the instance; direct senders
    // that drop 4xx would lose them.
    log(`4xx from an instance not ready yet: ${notReady4xx}`);

    // The large webhook, while another client creates incidents.
    const createIncident = async (i, client) => {
      const body = JSON.stringify({
        title: `Storm benchmark incident ${i}`,
        description: 'Created while a large alert delivery runs.',
        entityRef: 'component:default/auth-service',
        category: 'availability',
        impact: 3,
        urgency: 3,
      });
      for (;;) {
        const res = await client.send(
          'POST',
          '/api/itsm/incidents',
          { authorization: `Bearer ${userToken}` },
          body,
        );
        if (res.status === 401) {
          userToken = await fetchGuestToken(userClients[0]);
          continue;
        }
        if (res.status !== 201)
          throw new Error(
            `POST /incidents answered ${res.status}: ${res.body.slice(0, 300)}`,
          );
        return res.ms;
      }
    };
    // Creates alternate between the instance taking the webhook and the other.
    const baseline = [[], []];
    for (let i = 0; i < 30; i++)
      baseline[i % 2].push(await createIncident(i, userClients[i % 2]));
    const bigRun = newRunId('big');
    const big = alertmanagerDeliveries({
      run: bigRun,
      fingerprints: args.big,
      replays: 1,
      batch: args.big,
    });
    const bigDelivery = {
      path: big.path,
      source: big.source,
      body: big.bodies[0],
    };
    const bigTally = createTally();
    let bigDone = false;
    const bigStarted = Date.now();
    const bigSending = sendQueue({
      baseUrl: `http://localhost:${portA}`,
      deliveries: [{ ...bigDelivery, keys: keysOf(bigDelivery) }],
      token: alertToken,
      concurrency: 1,
      tally: bigTally,
      // On a busy machine the webhook takes minutes: time it, not the client.
      timeoutMs: 900_000,
      giveUpMs: 900_000,
    }).finally(() => {
      bigDone = true;
    });
    const during = [[], []];
    for (let i = 0; !bigDone; i++)
      during[i % 2].push(await createIncident(1000 + i, userClients[i % 2]));
    const bigSent = await bigSending;
    report.big = {
      alerts: args.big,
      seconds: (Date.now() - bigStarted) / 1000,
      sent: bigSent,
      baseline: byInstance(baseline),
      during: byInstance(during),
    };
    for (const c of userClients) c.close();

    // The checks.
    const runs = [am.run, pd.run];
    const alerts = await checkAlerts(db, tally, runs);
    const bigAlerts = await checkAlerts(db, bigTally, [bigRun]);
    const numbers = await checkNumbers(db);
    const unrouted = await countUnrouted(db, [...runs, bigRun]);
    report.checks = { alerts, bigAlerts, numbers, unrouted };
    for (const [name, r] of [
      ['storm', alerts],
      ['large webhook', bigAlerts],
    ]) {
      check(
        r.lost === 0,
        `${name}: no acknowledged alert lost (${r.keys} keys, ${r.lost} lost)`,
      );
      check(
        r.duplicated === 0,
        `${name}: one open incident per key (${r.duplicated} duplicated)`,
      );
      check(
        r.underCounted === 0,
        `${name}: occurrences ≥ acknowledged deliveries (${r.occurrences} for ${r.ackedDeliveries}; ${r.underCounted} keys under)`,
      );
      check(
        r.overCounted === 0,
        `${name}: occurrences ≤ attempts (${r.overCounted} keys over)`,
      );
      for (const e of r.examples) log(`  ${e}`);
    }
    check(
      bigSent.failed === 0 && bigSent.acked === 1,
      `large webhook acknowledged (${bigSent.attempts} attempt(s))`,
    );
    check(
      numbers.gapFree,
      `incident numbers gap-free (${numbers.n} incidents, numbers ${numbers.min} to ${numbers.max})`,
    );
    check(unrouted === 0, `nothing in the unrouted inbox (${unrouted})`);
  } catch (error) {
    failures.push(String(error instanceof Error ? error.stack : error));
    log(`ERROR ${failures[failures.length - 1]}`);
  } finally {
    await db?.end().catch(() => {});
    await stopAll();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  report.failures = failures;
  report.seconds = (Date.now() - started) / 1000;
  const text = JSON.stringify(report, null, 2);
  if (args.out) fs.writeFileSync(args.out, `${text}\n`);
  process.stdout.write(`${text}\n`);
  if (failures.length > 0) {
    log(`${failures.length} check(s) failed`);
    process.exitCode = 1;
  } else {
    log(`all checks passed in ${report.seconds.toFixed(0)} s`);
  }
}

/** Latency of creates on the webhook's instance, on the other, and on both. */
function byInstance([same, other]) {
  return {
    same: summarise(same),
    other: summarise(other),
    both: summarise([...same, ...other]),
  };
}

/** a1 b1 a2 b2 ... in proportion, so both sources run through the whole storm. */
function interleave(a, b) {
  const out = [];
  const ratio = b.length / Math.max(1, a.length);
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    out.push(a[i]);
    const until = Math.round((i + 1) * ratio);
    for (; j < until && j < b.length; j++) out.push(b[j]);
  }
  for (; j < b.length; j++) out.push(b[j]);
  return out;
}

/** The alerts route by catalog entity: wait until the examples are in. */
async function waitForCatalog(client, token) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await client.get(
      '/api/catalog/entities/by-name/component/default/auth-service',
      {
        authorization: `Bearer ${token()}`,
      },
    );
    if (res.status === 200) return;
    if (Date.now() > deadline)
      throw new Error(`the catalog did not load the examples: ${res.status}`);
    await sleep(1000);
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
