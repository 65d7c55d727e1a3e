// One ingestion case of `yarn bench`: a storm sent through HTTP, checked for
// lost and duplicated alerts, beside the no-op request rate at the same
// concurrency and the storage floor of the same statements.
import { profileRequests, sampleWaits } from './measure.mjs';
import {
  newRunId,
  sendStorm,
  storageFloor,
  verifyStorm,
} from './alertLoad.mjs';

/**
 * `make({ run, fingerprints, replays })` builds the storm; `instances` the
 * backends it is spread over (A unless given); `target(rate, noopRate)`
 * judges the rate at the full size.
 */
export async function measureIngestion(ctx, options) {
  const { name, make, target } = options;
  const { params } = ctx;
  const instances = options.instances ?? [ctx.a];
  const concurrency = params.concurrency;
  ctx.log(`  ${name}`);
  const s = make({
    run: newRunId(name),
    fingerprints: params.fingerprints,
    replays: params.replays,
  });
  const stopSampling = sampleWaits(ctx.db, ctx.database);
  let sent;
  try {
    sent = await sendStorm({
      instances,
      token: ctx.alertToken,
      storm: s,
      concurrency,
    });
  } finally {
    ctx.waits = await stopSampling();
  }
  const check = await verifyStorm(ctx.db, s);
  if (check.problems.length > 0) {
    ctx.fail(`${name}: ${check.problems.join('; ')}`);
  }
  const rate = s.alerts / sent.seconds;

  // Where a delivery's time goes, and its statements for the storage floor:
  // a small storm of the same shape, one delivery at a time.
  const sample = make({
    run: newRunId(`${name}p`),
    fingerprints: params.profileFingerprints,
    replays: params.replays,
  });
  const profile = await profileRequests({
    instance: ctx.a,
    database: ctx.database,
    count: sample.bodies.length,
    send: async i => {
      const res = await ctx.a.client.send(
        'POST',
        sample.path,
        { authorization: `Bearer ${ctx.alertToken}` },
        sample.bodies[i],
      );
      if (res.status >= 300) {
        throw new Error(`${sample.path} answered ${res.status}: ${res.body}`);
      }
    },
  });
  const floor = await storageFloor({
    connect: ctx.connectDb,
    deliveries: profile.requests.map(r =>
      r.sql.filter(
        q =>
          !/^\s*SELECT/i.test(q.text) ||
          /FOR UPDATE|pg_advisory|nextval|RETURNING/i.test(q.text),
      ),
    ),
    alerts: sample.alerts,
    concurrency,
  });
  const noop = await ctx.noopRate(concurrency);
  return {
    name,
    kind: 'rate',
    alerts: s.alerts,
    deliveries: s.bodies.length,
    seconds: sent.seconds,
    rate,
    deliveriesPerSecond: s.bodies.length / sent.seconds,
    p50: sent.p50,
    p95: sent.p95,
    retries: sent.retries,
    noopRate: noop,
    floorRate: floor.alertsPerSecond,
    floorFailed: floor.failedDeliveries,
    check,
    waits: ctx.waits,
    profile: profile.median,
    statements: profile.statements,
    target: target ? target(rate, noop) : undefined,
  };
}
