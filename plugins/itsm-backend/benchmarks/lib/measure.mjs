// How `yarn bench` times things: sequential latency, concurrent throughput,
// the profile of a request (from lib/profileHook.cjs), the replay of its SQL
// through `pg` (the SQL floor) and a sampler of what the database's sessions
// wait for.
import { summarise } from './benchmarkKit.mjs';

/** Warm-up, then up to `requests` sequential calls of `op(i)` (ms each), within `seconds`. */
export async function latency(op, { warmup, requests, seconds }) {
  for (let i = 0; i < warmup; i++) await op(i);
  const samples = [];
  const until = Date.now() + seconds * 1000;
  for (let i = 0; i < requests && Date.now() < until; i++) {
    samples.push(await op(i));
  }
  return summarise(samples);
}

/** Runs `jobs` through `op` from `concurrency` workers; wall seconds and per-job ms. */
export async function throughput(jobs, op, concurrency) {
  let next = 0;
  const samples = [];
  const started = process.hrtime.bigint();
  async function worker(w) {
    while (next < jobs.length) {
      const job = jobs[next++];
      samples.push(await op(job, w));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, ...summarise(samples) };
}

/** Total length of the union of [start, end] intervals. */
function unionMs(intervals) {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let start = -Infinity;
  let end = -Infinity;
  for (const i of sorted) {
    if (i.start > end) {
      total += end - start > 0 ? end - start : 0;
      start = i.start;
      end = i.end;
    } else if (i.end > end) {
      end = i.end;
    }
  }
  total += end - start > 0 ? end - start : 0;
  return total;
}

/**
 * Sends `count` requests one at a time with the backend recording, then
 * splits each plugin request's server time into the plugin's SQL (of which
 * transaction control and locking statements), the loopback calls to the
 * permission, catalog and auth backends, and the rest (token checks, routing,
 * JSON, service code). Returns the median of each part and the statements of
 * every request, for replay.
 */
export async function profileRequests({ instance, database, count, send }) {
  await fetch(`${instance.baseUrl}/__itsm_bench/profile/start`);
  try {
    for (let i = 0; i < count; i++) await send(i);
  } finally {
    // the stop call below always ends recording
  }
  const { events } = await (
    await fetch(`${instance.baseUrl}/__itsm_bench/profile/stop`)
  ).json();
  const plugin = events
    .filter(e => e.kind === 'http' && e.path.startsWith('/api/itsm/'))
    .sort((a, b) => a.start - b.start);
  const requests = plugin.map(request => {
    const inside = e => e.start >= request.start && e.end <= request.end;
    const sql = events.filter(
      e => e.kind === 'sql' && e.database === database && inside(e),
    );
    const nested = prefix =>
      events.filter(
        e => e.kind === 'http' && e.path.startsWith(prefix) && inside(e),
      );
    const control = sql.filter(e =>
      /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(e.text),
    );
    const locks = sql.filter(e =>
      /pg_advisory|for update|for no key update|for share/i.test(e.text),
    );
    const parts = {
      total: request.end - request.start,
      sql: unionMs(sql),
      transactionControl: unionMs(control),
      locks: unionMs(locks),
      permission: unionMs(nested('/api/permission/')),
      catalog: unionMs(nested('/api/catalog/')),
      auth: unionMs(nested('/api/auth/')),
    };
    parts.rest = Math.max(
      0,
      parts.total -
        unionMs([
          ...sql,
          ...nested('/api/permission/'),
          ...nested('/api/catalog/'),
          ...nested('/api/auth/'),
        ]),
    );
    return {
      parts,
      statements: sql.length,
      sql: sql.map(e => ({ text: e.text, values: e.values })),
      errors: sql.filter(e => e.error).map(e => e.error),
    };
  });
  const median = key => {
    const sorted = requests.map(r => r.parts[key]).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
  };
  const keys = [
    'total',
    'sql',
    'transactionControl',
    'locks',
    'permission',
    'catalog',
    'auth',
    'rest',
  ];
  return {
    requests,
    median: Object.fromEntries(keys.map(k => [k, median(k)])),
    statements: requests[requests.length - 1]?.statements ?? 0,
  };
}

/** Replays statements as the backend sent them, in order, on one connection; ms per replay. */
export async function replaySql(db, statements, options) {
  return latency(
    async () => {
      const t0 = process.hrtime.bigint();
      for (const s of statements) await db.query(s.text, s.values);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    },
    { warmup: options.warmup, requests: options.requests, seconds: 30 },
  );
}

/**
 * Samples every `everyMs` what the database's other sessions are doing:
 * running, waiting for a lock, for I/O or another wait, or idle inside a
 * transaction (the application holds it open); the shares of the samples.
 */
export function sampleWaits(db, database, everyMs = 20) {
  const counts = {
    running: 0,
    lock: 0,
    lwlock: 0,
    io: 0,
    otherWait: 0,
    idleInTransaction: 0,
  };
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await db.query(
        `SELECT state, wait_event_type FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND state <> 'idle'`,
        [database],
      );
      samples += 1;
      for (const r of rows) {
        if (r.state === 'idle in transaction') counts.idleInTransaction += 1;
        else if (!r.wait_event_type) counts.running += 1;
        else if (r.wait_event_type === 'Lock') counts.lock += 1;
        else if (r.wait_event_type === 'LWLock') counts.lwlock += 1;
        else if (r.wait_event_type === 'IO') counts.io += 1;
        else if (r.wait_event_type !== 'Client') counts.otherWait += 1;
      }
      await new Promise(resolve => setTimeout(resolve, everyMs));
    }
  })();
  // A failed sample must fail the case when it stops sampling, not crash
  // the runner before it can stop the backends it started.
  loop.catch(() => undefined);
  return async () => {
    stopped = true;
    await loop;
    return {
      samples,
      perSample: Object.fromEntries(
        Object.entries(counts).map(([k, v]) => [k, samples ? v / samples : 0]),
      ),
    };
  };
}
