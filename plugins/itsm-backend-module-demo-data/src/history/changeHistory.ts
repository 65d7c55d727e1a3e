import { IncidentRow } from '@backstage-itsm/plugin-itsm-node';
import { DEMO_ENTITIES, DEMO_TEAMS } from './catalog';
import { Random, createRandom } from './random';
import { DAY, HOUR, MINUTE } from './time';

/** Seed of the change history, apart from the incidents' so they stay as they were. */
const CHANGE_SEED = 20261224;

/** A row of `itsm_changes` as the demo writes it. */
export interface DemoChangeRow {
  id: string;
  source: 'native' | 'pagerduty';
  dedup_key: string;
  entity_ref: string;
  owner_ref: string;
  kind: 'deploy' | 'config' | 'feature_flag' | 'migration';
  summary: string;
  version: string | null;
  author: string;
  links: string;
  labels: string;
  occurred_at: number;
  received_at: number;
  actor_ref: string;
  failed_at: null;
}

/** Deploys a week of each deployed component; the busiest ship daily. */
const DEPLOYS_PER_WEEK: Record<string, number> = {
  'component:default/checkout-api': 4,
  'component:default/storefront-web': 6,
  'component:default/auth-service': 3,
  'component:default/payments-api': 3,
  'component:default/cart-service': 3,
  'component:default/catalog-search': 2,
  'component:default/order-service': 2,
  'component:default/api-gateway': 1,
  'component:default/fraud-detector': 1,
  'component:default/ledger-service': 1,
  'component:default/notification-service': 1,
};

const FLAGS = ['new-checkout-flow', 'one-click-pay', 'search-v2', 'guest-cart'];
const DATABASES = [
  'resource:default/orders-db',
  'resource:default/payments-db',
];

function nameOf(ref: string): string {
  return ref.slice(ref.indexOf('/') + 1);
}

/** A working-hours moment of a day: deploys happen 08:00 to 18:00 UTC. */
function workingTime(r: Random, day: number): number {
  return day + 8 * HOUR + Math.floor(r.between(0, 10 * HOUR) / MINUTE) * MINUTE;
}

/**
 * Six months of change events for the demo services: regular deploys per
 * service (weekdays only), config pushes, flag flips and database
 * migrations, plus a deploy of the incident's own entity minutes before
 * every deployment incident (the checkout deploy that 503s), so the
 * incident view, the problem view and the DORA figures tell that story.
 */
export function buildChangeHistory(options: {
  now: number;
  incidents: readonly IncidentRow[];
}): DemoChangeRow[] {
  const { now, incidents } = options;
  const r = createRandom(CHANGE_SEED);
  const start = Math.floor((now - 182 * DAY) / DAY) * DAY;
  const rows: DemoChangeRow[] = [];
  const versions = new Map<string, number>();
  const add = (change: {
    entityRef: string;
    kind: DemoChangeRow['kind'];
    summary: string;
    version?: string;
    at: number;
    source?: DemoChangeRow['source'];
  }) => {
    const owner = DEMO_ENTITIES.find(e => e.ref === change.entityRef)!.owner;
    const author = r.pick(DEMO_TEAMS[owner] ?? ['user:default/guest']);
    const build = rows.length + 1000;
    rows.push({
      id: r.uuid(),
      source: change.source ?? 'native',
      dedup_key: `demo-${build}`,
      entity_ref: change.entityRef,
      owner_ref: owner,
      kind: change.kind,
      summary: change.summary,
      version: change.version ?? null,
      author: author.slice(author.indexOf('/') + 1),
      links: JSON.stringify(
        change.kind === 'deploy'
          ? [
              {
                href: `https://ci.acme-retail.example/builds/${build}`,
                text: `Build ${build}`,
              },
            ]
          : [],
      ),
      labels: JSON.stringify({ itsm_entity: change.entityRef }),
      occurred_at: change.at,
      received_at: change.at + 2000,
      actor_ref: 'service:external:ci',
      failed_at: null,
    });
  };
  const deploy = (entityRef: string, at: number) => {
    const next = (versions.get(entityRef) ?? 0) + 1;
    versions.set(entityRef, next);
    const version = `1.${Math.floor(next / 10)}.${next % 10}`;
    add({
      entityRef,
      kind: 'deploy',
      summary: `Deploy ${nameOf(entityRef)} ${version}`,
      version,
      at,
    });
  };

  for (let day = start; day < now - DAY; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      continue;
    }
    for (const [entityRef, perWeek] of Object.entries(DEPLOYS_PER_WEEK)) {
      if (r.chance(perWeek / 5)) {
        deploy(entityRef, workingTime(r, day));
      }
    }
    if (r.chance(0.3)) {
      add({
        entityRef: 'component:default/api-gateway',
        kind: 'config',
        summary: 'Raise the rate limit of /checkouts',
        at: workingTime(r, day),
      });
    }
    if (r.chance(0.2)) {
      const flag = r.pick(FLAGS);
      add({
        entityRef: 'component:default/storefront-web',
        kind: 'feature_flag',
        summary: `Turn ${flag} ${r.chance(0.5) ? 'on' : 'off'} for ${
          r.int(1, 10) * 10
        }% of shoppers`,
        at: workingTime(r, day),
        source: 'pagerduty',
      });
    }
    if (r.chance(0.05)) {
      add({
        entityRef: r.pick(DATABASES),
        kind: 'migration',
        summary: 'Add an index for order lookups by customer',
        at: workingTime(r, day),
      });
    }
  }
  for (const incident of incidents) {
    const detected = Number(incident.detected_at);
    if (incident.category === 'deployment' && detected > start) {
      deploy(incident.entity_ref, detected - r.int(5, 25) * MINUTE);
    }
  }
  return rows.sort((a, b) => a.occurred_at - b.occurred_at);
}

/** Weekly deploy counts of the rows, as the backend keeps them (UTC weeks from Monday). */
export function changeWeeks(rows: readonly DemoChangeRow[]) {
  const firstMonday = 4 * DAY;
  const week = 7 * DAY;
  const counts = new Map<
    string,
    {
      entity_ref: string;
      week: number;
      deploys: number;
      failed_deploys: number;
    }
  >();
  for (const row of rows) {
    if (row.kind !== 'deploy') {
      continue;
    }
    const index = Math.trunc((row.occurred_at - firstMonday) / week);
    const key = `${row.entity_ref}\n${index}`;
    const count = counts.get(key) ?? {
      entity_ref: row.entity_ref,
      week: index,
      deploys: 0,
      failed_deploys: 0,
    };
    count.deploys += 1;
    counts.set(key, count);
  }
  return [...counts.values()];
}
