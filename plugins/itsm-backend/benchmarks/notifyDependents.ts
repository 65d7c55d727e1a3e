/*
 * Fan-out of a P1 to the owners of 1,000 transitive dependents: how long the
 * create takes (the request path) compared with a P1 on an entity nothing
 * depends on, and how long until all 1,000 notifications are sent.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/itsm-backend/benchmarks/notifyDependents.ts
 *
 * Runs in-process on the real services, store and outbox dispatcher, with a
 * fake catalog (payments-api <- 10 services <- 99 services each, every one
 * owned by its own team, so 1,000 recipients at depth 2) and a notification
 * service that takes ITSM_BENCH_SEND_MS (2) per send, like a call to the
 * notifications backend. Database: SQLite in memory, or PostgreSQL when
 * ITSM_BENCH_PG is set to a connection string (a database
 * itsm_bench_notify is created and dropped). ITSM_BENCH_ROUNDS (5) P1s of
 * each kind, after two warm-up rounds.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import knexFactory, { Knex } from 'knex';
import { applyDatabaseMigrations } from '../src/database/migrations';
import { countOutbox } from '../src/database/outbox';
import { createItsmServices } from '../src/services/createItsmServices';
import { OutboxDispatcher } from '../src/services/notifications/OutboxDispatcher';
import { readNotificationConfig } from '../src/services/notifications/notificationConfig';

const ROUNDS = Number(process.env.ITSM_BENCH_ROUNDS ?? 5);
const SEND_MS = Number(process.env.ITSM_BENCH_SEND_MS ?? 2);
const DIRECT = 10;
const PER_DIRECT = 99;

function component(
  name: string,
  dependsOn: string[],
  dependents: string[],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: `${name}-team`, lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${name}-team` },
      ...dependsOn.map(t => ({
        type: 'dependsOn',
        targetRef: `component:default/${t}`,
      })),
      ...dependents.map(t => ({
        type: 'dependencyOf',
        targetRef: `component:default/${t}`,
      })),
    ],
  };
}

function fakeCatalog(): CatalogService {
  const entities: Entity[] = [component('lonely-api', [], [])];
  const direct = Array.from({ length: DIRECT }, (_, i) => `direct-${i}`);
  entities.push(component('payments-api', [], direct));
  direct.forEach((name, i) => {
    const leaves = Array.from(
      { length: PER_DIRECT },
      (_, j) => `leaf-${i}-${j}`,
    );
    entities.push(component(name, ['payments-api'], leaves));
    leaves.forEach(leaf => entities.push(component(leaf, [name], [])));
  });
  const byRef = new Map(
    entities.map(e => [`component:default/${e.metadata.name}`, e]),
  );
  return {
    getEntityByRef: async (ref: string) =>
      byRef.get(ref.toLocaleLowerCase('en-US')),
    getEntitiesByRefs: async (request: { entityRefs: string[] }) => ({
      items: request.entityRefs.map(ref => byRef.get(ref)),
    }),
  } as unknown as CatalogService;
}

async function openDatabase(): Promise<{
  knex: Knex;
  close: () => Promise<void>;
}> {
  const pg = process.env.ITSM_BENCH_PG;
  if (!pg) {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
    });
    return { knex, close: () => knex.destroy() };
  }
  const admin = knexFactory({ client: 'pg', connection: pg });
  await admin.raw('drop database if exists itsm_bench_notify');
  await admin.raw('create database itsm_bench_notify');
  const knex = knexFactory({
    client: 'pg',
    connection: `${pg.replace(/\/$/, '')}/itsm_bench_notify`,
  });
  return {
    knex,
    close: async () => {
      await knex.destroy();
      await admin.raw('drop database itsm_bench_notify');
      await admin.destroy();
    },
  };
}

const logger = {
  error: (message: string) => process.stderr.write(`${message}\n`),
  warn: (message: string) => process.stderr.write(`${message}\n`),
  info: () => {},
  debug: () => {},
  child() {
    return logger;
  },
} as any;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function main() {
  const { knex, close } = await openDatabase();
  await applyDatabaseMigrations(knex);
  const catalog = fakeCatalog();
  const permissions = mockServices.permissions();
  const config = new ConfigReader({});
  const services = createItsmServices({
    knex,
    config,
    permissions,
    permissionsRegistry: {
      addResourceType: () => {},
      getPermissionRuleset: () => undefined,
    } as any,
    catalog,
    auth: mockServices.auth(),
    logger: logger,
  });
  const sent: Array<{ at: number; options: NotificationSendOptions }> = [];
  const dispatcher = new OutboxDispatcher({
    db: knex,
    catalog,
    auth: mockServices.auth(),
    logger: logger,
    config: readNotificationConfig(config),
    notifications: {
      send: async options => {
        await sleep(SEND_MS);
        sent.push({ at: performance.now(), options });
      },
    },
  });
  const stop = dispatcher.listen();
  const caller = {
    credentials: {
      $$type: '@backstage/BackstageCredentials' as const,
      principal: { type: 'user', userEntityRef: 'user:default/guest' },
    },
    actorRef: 'user:default/guest',
  };

  async function p1(entity: string) {
    const start = performance.now();
    const incident = await services.incidents.create(
      {
        title: 'Card payments time out',
        description: 'Every payment fails after 30 s',
        entityRef: `component:default/${entity}`,
        category: 'availability',
        impact: 1,
        urgency: 1,
      },
      caller as any,
    );
    const created = performance.now();
    const scope = `itsm:incident:${incident.id}`;
    const expected =
      entity === 'payments-api' ? DIRECT * (PER_DIRECT + 1) + 1 : 1;
    while (
      sent.filter(s => s.options.payload.scope === scope).length < expected ||
      (await countOutbox(knex)) > 0
    ) {
      await sleep(5);
    }
    const last = Math.max(
      ...sent.filter(s => s.options.payload.scope === scope).map(s => s.at),
    );
    return { createMs: created - start, allSentMs: last - start };
  }

  for (let i = 0; i < 2; i++) {
    await p1('lonely-api');
    await p1('payments-api');
  }
  const baseline: Array<{ createMs: number; allSentMs: number }> = [];
  const fanOut: Array<{ createMs: number; allSentMs: number }> = [];
  for (let i = 0; i < ROUNDS; i++) {
    baseline.push(await p1('lonely-api'));
    fanOut.push(await p1('payments-api'));
  }
  stop();
  await close();

  const baseCreate = median(baseline.map(r => r.createMs));
  const fanCreate = median(fanOut.map(r => r.createMs));
  const fanAll = median(fanOut.map(r => r.allSentMs));
  const result = {
    database: process.env.ITSM_BENCH_PG ? 'PostgreSQL' : 'SQLite (memory)',
    rounds: ROUNDS,
    sendMs: SEND_MS,
    notificationsPerFanOut: DIRECT * (PER_DIRECT + 1) + 1,
    createNoDependentsMs: Number(baseCreate.toFixed(2)),
    createThousandDependentsMs: Number(fanCreate.toFixed(2)),
    createRatio: Number((fanCreate / baseCreate).toFixed(2)),
    allSentMs: Number(fanAll.toFixed(0)),
    allSentRatioToBaselineCreate: Number((fanAll / baseCreate).toFixed(0)),
    rawCreateMs: {
      noDependents: baseline.map(r => Number(r.createMs.toFixed(2))),
      thousandDependents: fanOut.map(r => Number(r.createMs.toFixed(2))),
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
