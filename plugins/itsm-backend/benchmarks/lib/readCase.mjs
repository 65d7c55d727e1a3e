// One read case of `yarn bench`: a GET measured through HTTP, beside the
// authenticated no-op request and the replay of its own SQL, with the
// profile of where its time goes.
import { latency, profileRequests, replaySql } from './measure.mjs';

/**
 * Measures `paths` (rotated over) on instance A. `target` is the p95 limit
 * in ms at the full size, or undefined when the issue sets none.
 */
export async function measureRead(ctx, { name, paths, target }) {
  const { params } = ctx;
  const get = async i => {
    const res = await ctx.getAsUser(paths[i % paths.length]);
    return res.ms;
  };
  ctx.log(`  ${name}`);
  const http = await latency(get, {
    warmup: params.readWarmup,
    requests: params.readRequests,
    seconds: params.readSeconds,
  });
  const profile = await profileRequests({
    instance: ctx.a,
    database: ctx.database,
    count: Math.min(params.profileRequests, paths.length * 5),
    send: get,
  });
  const last = profile.requests[profile.requests.length - 1];
  // A read writes nothing: a write captured in its time window is the
  // backend's background work (task runs, outbox), which must not be
  // replayed, let alone twice.
  const reads = (last?.sql ?? []).filter(s =>
    /^\s*(select|with)\b/i.test(s.text ?? ''),
  );
  const sql = await replaySql(ctx.db, reads, {
    warmup: 5,
    requests: params.readRequests,
  });
  const noop = await ctx.noopLatency();
  return {
    name,
    kind: 'latency',
    p50: http.p50,
    p95: http.p95,
    n: http.n,
    noopP95: noop.p95,
    sqlP95: sql.p95,
    statements: reads.length,
    target:
      target === undefined
        ? undefined
        : { text: `p95 < ${target} ms`, met: http.p95 < target },
    profile: profile.median,
  };
}
