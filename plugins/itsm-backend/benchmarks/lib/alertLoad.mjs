// Alert storms for `yarn bench`: Alertmanager webhooks of N alerts and
// PagerDuty Events v2 events one per request, every alert replayed, sent
// from concurrent keep-alive connections, then checked in the database for
// lost or duplicated incidents; and the storage floor: the same statements
// replayed straight on PostgreSQL.
import { createHttpClient, mulberry32 } from './benchmarkKit.mjs';
import { throughput } from './measure.mjs';

const SERVICES = ['checkout-api', 'payments-api', 'auth-service'];
const SEVERITIES = ['critical', 'error', 'warning', 'info'];

/** A run id that keeps one storm's alerts apart from every other's. */
export const newRunId = label =>
  `b${Date.now().toString(36)}${label.replace(/[^a-z0-9]/gi, '')}`;

function shuffled(items, seed) {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Every fingerprint `replays` times, shuffled, so replays race each other. */
function storm(run, fingerprints, replays) {
  const keys = [];
  for (let r = 0; r < replays; r++) {
    for (let i = 0; i < fingerprints; i++) keys.push(i);
  }
  return shuffled(keys, 20261226).map(i => ({
    index: i,
    key: `${run}-${String(i).padStart(6, '0')}`,
    service: SERVICES[i % SERVICES.length],
    severity: SEVERITIES[i % SEVERITIES.length],
  }));
}

/** Alertmanager webhook bodies of `batch` alerts each. */
export function alertmanagerDeliveries({ run, fingerprints, replays, batch }) {
  const alerts = storm(run, fingerprints, replays);
  const bodies = [];
  for (let i = 0; i < alerts.length; i += batch) {
    bodies.push(
      JSON.stringify({
        version: '4',
        status: 'firing',
        receiver: 'itsm',
        groupLabels: { alertname: 'BenchAlert' },
        commonLabels: { alertname: 'BenchAlert', bench_run: run },
        commonAnnotations: {},
        externalURL: 'http://alertmanager.bench',
        alerts: alerts.slice(i, i + batch).map(a => ({
          status: 'firing',
          labels: {
            alertname: 'BenchAlert',
            service: a.service,
            severity: a.severity,
            bench_run: run,
            shard: String(a.index),
          },
          annotations: {
            summary: `Benchmark alert ${a.index} on ${a.service}`,
          },
          startsAt: new Date().toISOString(),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus.bench/graph',
          fingerprint: a.key,
        })),
      }),
    );
  }
  return {
    path: '/api/itsm/alerts/alertmanager',
    source: 'alertmanager',
    run,
    alerts: alerts.length,
    fingerprints,
    bodies,
  };
}

/** PagerDuty Events v2 trigger events, one per request. */
export function eventsV2Deliveries({ run, fingerprints, replays }) {
  const alerts = storm(run, fingerprints, replays);
  return {
    path: '/api/itsm/alerts/pagerduty/v2/enqueue',
    source: 'events-v2',
    run,
    alerts: alerts.length,
    fingerprints,
    bodies: alerts.map(a =>
      JSON.stringify({
        routing_key: 'bench',
        event_action: 'trigger',
        dedup_key: a.key,
        payload: {
          summary: `Benchmark event ${a.index} on ${a.service}`,
          source: 'bench-host',
          severity: a.severity,
          component: a.service,
          custom_details: { bench_run: run },
        },
      }),
    ),
  };
}

/**
 * Sends the deliveries from `concurrency` connections spread over the given
 * instances; a 5xx is sent again after a pause, as Alertmanager does.
 */
export async function sendStorm({ instances, token, storm: s, concurrency }) {
  const clients = instances.map(i =>
    createHttpClient({
      baseUrl: i.baseUrl,
      maxSockets: Math.ceil(concurrency / instances.length),
    }),
  );
  let retries = 0;
  try {
    const result = await throughput(
      s.bodies,
      async (body, worker) => {
        const client = clients[worker % clients.length];
        for (let attempt = 0; ; attempt++) {
          const res = await client.send(
            'POST',
            s.path,
            { authorization: `Bearer ${token}` },
            body,
          );
          if (res.status < 300) return res.ms;
          if (res.status < 500 || attempt >= 20) {
            throw new Error(
              `${s.path} answered ${res.status}: ${res.body.slice(0, 300)}`,
            );
          }
          retries += 1;
          await new Promise(r => setTimeout(r, 100 * (attempt + 1)));
        }
      },
      concurrency,
    );
    return { ...result, retries };
  } finally {
    for (const c of clients) c.close();
  }
}

/** Lost and duplicated alerts of a storm, from the database. */
export async function verifyStorm(db, s) {
  const like = `${s.run}-%`;
  const { rows } = await db.query(
    `SELECT count(*)::int AS incidents,
            count(DISTINCT dedup_key)::int AS fingerprints,
            coalesce(sum(occurrence_count), 0)::int AS occurrences,
            count(*) FILTER (WHERE open_dedup_key IS NOT NULL)::int AS open
       FROM itsm_incidents WHERE source = $1 AND dedup_key LIKE $2`,
    [s.source, like],
  );
  const unrouted = (
    await db.query(
      `SELECT count(*)::int AS n FROM itsm_unrouted_alerts WHERE dedup_key LIKE $1`,
      [like],
    )
  ).rows[0].n;
  const r = rows[0];
  const problems = [];
  if (r.incidents !== s.fingerprints || r.open !== s.fingerprints) {
    problems.push(
      `${r.incidents} incidents (${r.open} open) for ${s.fingerprints} fingerprints`,
    );
  }
  if (r.occurrences !== s.alerts) {
    problems.push(`${r.occurrences} occurrences for ${s.alerts} alerts sent`);
  }
  if (unrouted > 0) problems.push(`${unrouted} alerts in the inbox`);
  return { ...r, unrouted, problems };
}

/**
 * The storage floor of an ingestion: the statements the backend sent for
 * `statementsByDelivery` (captured by the profile, in order), replayed on
 * `concurrency` connections against empty copies of the tables they touch
 * in the schema `bench_floor` (so inserts do not collide with the rows the
 * backend wrote), with the same values and commits. Alerts per second.
 */
export async function storageFloor({
  connect,
  deliveries,
  alerts,
  concurrency,
}) {
  const admin = await connect();
  try {
    const tables = new Set();
    for (const d of deliveries) {
      for (const s of d) {
        for (const m of s.text.matchAll(/"?(itsm_[a-z_]+)"?/g))
          tables.add(m[1]);
      }
    }
    const existing = (
      await admin.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1)`,
        [[...tables]],
      )
    ).rows.map(r => r.tablename);
    await admin.query('DROP SCHEMA IF EXISTS bench_floor CASCADE');
    await admin.query('CREATE SCHEMA bench_floor');
    for (const t of existing) {
      await admin.query(
        `CREATE TABLE bench_floor.${t} (LIKE public.${t} INCLUDING ALL)`,
      );
    }
    if (existing.includes('itsm_sequences')) {
      await admin.query(
        'INSERT INTO bench_floor.itsm_sequences SELECT * FROM public.itsm_sequences',
      );
    }
    const connections = [];
    for (let i = 0; i < concurrency; i++) {
      const c = await connect();
      await c.query('SET search_path TO bench_floor');
      connections.push(c);
    }
    let failed = 0;
    try {
      const result = await throughput(
        deliveries,
        async (statements, worker) => {
          const c = connections[worker];
          const t0 = process.hrtime.bigint();
          try {
            for (const s of statements) await c.query(s.text, s.values);
          } catch {
            failed += 1;
            await c.query('ROLLBACK').catch(() => {});
          }
          return Number(process.hrtime.bigint() - t0) / 1e6;
        },
        concurrency,
      );
      return {
        alertsPerSecond: alerts / result.seconds,
        seconds: result.seconds,
        failedDeliveries: failed,
        tables: existing.length,
      };
    } finally {
      for (const c of connections) await c.end();
    }
  } finally {
    await admin.query('DROP SCHEMA IF EXISTS bench_floor CASCADE');
    await admin.end();
  }
}
