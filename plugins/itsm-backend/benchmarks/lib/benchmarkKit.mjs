// Pieces the benchmark scripts share: environment knobs, a seeded random
// source, nearest-rank percentiles and a timed keep-alive HTTP client.
import http from 'node:http';

/** A positive integer from the environment, or the fallback when unset. */
export function intFromEnv(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new Error(`${name} must be a positive integer, got ${value}`);
  }
  return n;
}

/** Seeded PRNG (mulberry32), so that every run makes the same choices. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile of ascending samples; NaN when there are none. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Count, p50, p95, p99 and max of timing samples. */
export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/**
 * A keep-alive HTTP client whose requests resolve with status, body text and
 * the milliseconds until the body was read.
 */
export function createHttpClient(options) {
  const { baseUrl, maxSockets = 1, timeoutMs = 30_000 } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const base = new URL(baseUrl);
  let connectionsOpened = 0;

  function send(method, path, headers = {}, body = undefined) {
    return new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const req = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          path,
          method,
          headers: {
            accept: 'application/json',
            ...(body !== undefined
              ? {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(body),
                }
              : {}),
            ...headers,
          },
          timeout: timeoutMs,
        },
        res => {
          const chunks = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: Number(process.hrtime.bigint() - t0) / 1e6,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('socket', () => {
        if (!req.reusedSocket) connectionsOpened += 1;
      });
      req.on('timeout', () => req.destroy(new Error(`timeout on ${path}`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  return {
    send,
    get: (path, headers = {}) => send('GET', path, headers),
    connectionsOpened: () => connectionsOpened,
    close: () => agent.destroy(),
  };
}

/** A guest user's Backstage token from the demo's guest provider. */
export async function fetchGuestToken(client) {
  const res = await client.get('/api/auth/guest/refresh', {
    'x-requested-with': 'XMLHttpRequest',
  });
  if (res.status !== 200) {
    throw new Error(`guest refresh answered ${res.status}: ${res.body}`);
  }
  return JSON.parse(res.body).backstageIdentity.token;
}
