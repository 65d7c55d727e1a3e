// The storm's sender: one queue of deliveries per backend instance, sent from
// a few keep-alive connections and retried until a 2xx, as Alertmanager
// retries. It records every attempt, so the checks can bound each alert's
// occurrences between the acknowledged deliveries and the attempts.
import { createHttpClient, summarise } from './benchmarkKit.mjs';

/** The alert keys a delivery body carries, one entry per alert. */
export function keysOf(delivery) {
  const body = JSON.parse(delivery.body);
  if (Array.isArray(body.alerts)) {
    return body.alerts.map(a => `${delivery.source}:${a.fingerprint}`);
  }
  return [`${delivery.source}:${body.dedup_key}`];
}

/**
 * Sends every delivery of `deliveries` ({ path, source, body, keys }) to
 * the instance at `baseUrl` from `concurrency` connections, retrying any answer but a 2xx
 * and any connection error for up to `giveUpMs`. `tally` collects, per alert
 * key, the acknowledged deliveries and the attempts; `onProgress` is called
 * after each acknowledged delivery.
 */
export async function sendQueue(options) {
  const { baseUrl, deliveries, token, concurrency, tally, onProgress } =
    options;
  const giveUpMs = options.giveUpMs ?? 180_000;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const stats = {
    acked: 0,
    attempts: 0,
    retries: 0,
    connectionErrors: 0,
    status4xx: 0,
    status4xxWhenReady: 0,
    status5xx: 0,
    firstStatus4xx: undefined,
    failed: 0,
    ms: [],
  };
  let client = createHttpClient({
    baseUrl,
    maxSockets: concurrency,
    timeoutMs,
  });
  let next = 0;
  const sendOne = async delivery => {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      stats.attempts += 1;
      for (const key of delivery.keys) tally.attempt(key);
      let status = 0;
      let text = '';
      let ms = 0;
      try {
        const res = await client.send(
          'POST',
          delivery.path,
          { authorization: `Bearer ${token}` },
          delivery.body,
        );
        status = res.status;
        text = res.body;
        ms = res.ms;
      } catch {
        stats.connectionErrors += 1;
        // A killed instance leaves dead keep-alive sockets behind.
        client.close();
        client = createHttpClient({
          baseUrl,
          maxSockets: concurrency,
          timeoutMs,
        });
      }
      if (status >= 200 && status < 300) {
        stats.acked += 1;
        stats.ms.push(ms);
        for (const key of delivery.keys) tally.ack(key);
        onProgress?.();
        return;
      }
      if (status >= 400 && status < 500) {
        // Readiness tells a start-up window (a load balancer following it
        // sends nothing there) from a real refusal.
        if (await isReady(baseUrl)) stats.status4xxWhenReady += 1;
        else stats.status4xx += 1;
        stats.firstStatus4xx ??= `${status} ${text.slice(0, 200)}`;
      } else if (status >= 500) {
        stats.status5xx += 1;
      }
      if (Date.now() - started > giveUpMs) {
        stats.failed += 1;
        return;
      }
      stats.retries += 1;
      await new Promise(r =>
        setTimeout(r, Math.min(2000, 100 * (attempt + 1))),
      );
    }
  };
  const worker = async () => {
    while (next < deliveries.length) await sendOne(deliveries[next++]);
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    client.close();
  }
  const { ms, ...rest } = stats;
  return { ...rest, latency: summarise(ms) };
}

/** Per alert key: acknowledged deliveries and attempts that carried it. */
export function createTally() {
  const acked = new Map();
  const attempts = new Map();
  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  return {
    ack: key => bump(acked, key),
    attempt: key => bump(attempts, key),
    acked,
    attempts,
  };
}

async function isReady(baseUrl) {
  try {
    const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
    return res.status === 200;
  } catch {
    return false;
  }
}
