import { SYSTEM_ACTOR } from './catalog';
import { P2_P3, P3_P4 } from './priorityWeights';
import type { ProblemScenario } from './problemScenarios';
import { RECURRING_TEMPLATES as T } from './recurringIncidents';

/** Problems of the demo history still being worked on, at least one in each open status. */
export const OPEN_PROBLEMS: readonly ProblemScenario[] = [
  {
    key: 'event-bus-lag',
    title: 'event-bus consumer groups fall behind at peak (rebalance storms)',
    statement:
      'ledger-service, notification-service and fraud-detector fall minutes behind on event-bus topics at peak, delaying ledger postings, order emails and fraud checks.',
    entityRef: 'resource:default/event-bus',
    category: 'performance',
    impact: 2,
    urgency: 1,
    source: 'manual',
    reporter: 'user:default/maria.santos',
    assignee: 'user:default/omar.haddad',
    history: [
      ['new', 95.4],
      ['assess', 94.8],
      ['root_cause_analysis', 92.3],
      ['fix_in_progress', 70.2],
    ],
    rcaMethod: 'fishbone',
    rootCause:
      'payment-events and order-events have 6 partitions but their consumer groups run up to 12 pods. Pods restarted under memory pressure trigger eager rebalances that stop every consumer in the group for about two minutes, and at peak the lag never catches up.',
    workaround:
      'Scale the consumer group to 6 pods (one per partition) and pause the notification digest consumer during peaks: `kubectl scale deploy/notification-digest --replicas=0`.',
    symptoms:
      'Consumer lag alerts on ledger-service, notification-service or fraud-detector, repeated "Revoking previously assigned partitions" in consumer logs, and late ledger postings or order emails.',
    knownErrorDaysAgo: 80.3,
    permanentFix:
      'Increase payment-events and order-events to 24 partitions and switch all consumers to cooperative-sticky rebalancing.',
    series: [
      {
        templates: [T.lagLedger],
        daysAgo: { from: 120, to: 4, count: 8 },
        priorities: P2_P3,
      },
      {
        templates: [T.lagNotifications],
        daysAgo: { from: 115, to: 5, count: 6 },
        priorities: P3_P4,
      },
      {
        templates: [T.lagFraud],
        daysAgo: { from: 100, to: 10, count: 4 },
        priorities: P3_P4,
      },
    ],
    actionItems: [
      {
        title: 'Raise consumer memory limits to stop OOM restarts',
        kind: 'corrective',
        owner: 'user:default/omar.haddad',
        createdDaysAgo: 90,
        dueDaysAgo: 80,
        doneDaysAgo: 82,
      },
      {
        title: 'Increase payment-events and order-events to 24 partitions',
        kind: 'corrective',
        owner: 'user:default/wei.chen',
        createdDaysAgo: 70,
        dueDaysAgo: -7,
      },
      {
        title: 'Switch consumers to cooperative-sticky assignment',
        kind: 'corrective',
        owner: 'user:default/david.okafor',
        createdDaysAgo: 70,
        dueDaysAgo: 6,
      },
      {
        title: 'Autoscale consumers on lag, capped at the partition count',
        kind: 'preventive',
        owner: 'user:default/sara.lindqvist',
        createdDaysAgo: 69,
        dueDaysAgo: -30,
      },
    ],
    notes: [
      {
        daysAgo: 92,
        author: 'user:default/omar.haddad',
        body: 'Fishbone session with payments and platform: people (no lag runbook), process (partition count never revisited), technology (eager rebalancing, OOM restarts). Technology branch explains the timing.',
      },
      {
        daysAgo: 30,
        author: 'user:default/wei.chen',
        body: 'Repartitioning needs a maintenance window because of ordering guarantees on payment-events; planned with payments for next week.',
      },
    ],
  },
  {
    key: 'redis-evictions',
    title: 'redis-cache evicts hot keys under memory pressure',
    statement:
      'Evictions on redis-cache empty carts, slow down search and push fraud scoring onto its fallback rules several times a week.',
    entityRef: 'resource:default/redis-cache',
    category: 'capacity',
    impact: 2,
    urgency: 2,
    source: 'manual',
    reporter: 'user:default/lucas.meyer',
    assignee: 'user:default/sara.lindqvist',
    history: [
      ['new', 28.3],
      ['assess', 27.6],
      ['root_cause_analysis', 21.2],
    ],
    rcaMethod: 'fishbone',
    workaround:
      'Flush the search result cache namespace (`redis-cli --scan --pattern "search:*" | xargs redis-cli unlink`) to free memory; carts recover on the next page load.',
    series: [
      {
        templates: [T.evictCart],
        daysAgo: { from: 60, to: 2, count: 5 },
        priorities: P3_P4,
      },
      {
        templates: [T.evictSearch],
        daysAgo: { from: 55, to: 1.5, count: 4 },
        priorities: P3_P4,
      },
      {
        templates: [T.evictFraud],
        daysAgo: { from: 50, to: 6, count: 3 },
        priorities: P3_P4,
      },
    ],
    actionItems: [
      {
        title: 'Add per-namespace memory metrics to the redis-cache dashboard',
        kind: 'preventive',
        owner: 'user:default/omar.haddad',
        createdDaysAgo: 21,
        dueDaysAgo: 14,
        doneDaysAgo: 15,
      },
      {
        title: 'Review the TTLs of the search result cache',
        kind: 'corrective',
        owner: 'user:default/priya.raman',
        createdDaysAgo: 14,
        dueDaysAgo: -5,
      },
    ],
    notes: [
      {
        daysAgo: 14.6,
        author: 'user:default/sara.lindqvist',
        body: 'Namespace metrics are in: search:* holds 70% of memory, most of it keys without a TTL written by the new autocomplete.',
      },
    ],
  },
  {
    key: 'ledger-month-end',
    title: 'Ledger reconciliation falls behind at month end',
    statement:
      'The reconciliation job on ledger-service runs 30 to 60 minutes late at each month end, delaying the finance close.',
    entityRef: 'resource:default/payments-db',
    category: 'performance',
    impact: 3,
    urgency: 2,
    source: 'manual',
    reporter: 'user:default/alice.nguyen',
    assignee: 'user:default/david.okafor',
    history: [
      ['new', 12.2],
      ['assess', 10.1],
    ],
    series: [
      {
        templates: [T.ledgerReconciliation],
        daysAgo: [151.1, 121.1, 90.1, 60.1, 31.1, 1.1],
        priorities: [
          [3, 2],
          [4, 3],
        ],
      },
    ],
    actionItems: [],
    notes: [
      {
        daysAgo: 10,
        author: 'user:default/david.okafor',
        body: 'Six months in a row now. Query plans from payments-db for the last run attached to the finance ticket; the settlement join grows with the month.',
      },
    ],
  },
  {
    key: 'search-latency-detected',
    title: 'Repeated performance incidents on catalog-search',
    statement:
      'Proposed by problem detection: three or more performance incidents on component:default/catalog-search within 14 days.',
    entityRef: 'component:default/catalog-search',
    category: 'performance',
    impact: 2,
    urgency: 2,
    source: 'detected',
    reporter: SYSTEM_ACTOR,
    assignee: null,
    history: [['new', 1.9]],
    detectionRule: 'repeated-on-entity',
    series: [
      {
        templates: [T.searchLatency],
        daysAgo: [11.4, 6.3, 2.2],
        priorities: [
          [3, 1],
          [4, 1],
        ],
      },
    ],
    actionItems: [],
    notes: [],
  },
  {
    key: 'gateway-reload',
    title: 'api-gateway drops in-flight requests during configuration reload',
    statement:
      'Configuration reloads on api-gateway reset upstream connections. Usually this is a short burst of errors; on one occasion all nodes reloaded at once and checkout was unavailable.',
    entityRef: 'component:default/api-gateway',
    category: 'availability',
    impact: 1,
    urgency: 2,
    source: 'from_incident',
    reporter: 'user:default/raj.patel',
    assignee: 'user:default/raj.patel',
    history: [
      ['new', 40.6],
      ['assess', 40.1],
      ['root_cause_analysis', 35.3],
    ],
    rcaMethod: 'timeline',
    series: [
      {
        templates: [T.reloadGatewayMajor],
        daysAgo: [40.9],
        priorities: [[1, 1]],
        assignee: 'user:default/raj.patel',
      },
      {
        templates: [T.reloadGateway, T.reloadStorefront],
        daysAgo: { from: 120, to: 45, count: 4 },
        priorities: P3_P4,
      },
      {
        templates: [T.reloadGateway, T.reloadStorefront],
        daysAgo: { from: 30, to: 4, count: 3 },
        priorities: P3_P4,
      },
    ],
    actionItems: [
      {
        title: 'Stagger configuration reloads across gateway nodes',
        kind: 'corrective',
        owner: 'user:default/emma.kowalski',
        createdDaysAgo: 39,
        dueDaysAgo: 25,
        doneDaysAgo: 27,
      },
      {
        title: 'Drain connections before a reload instead of resetting them',
        kind: 'corrective',
        owner: 'user:default/raj.patel',
        createdDaysAgo: 35,
        dueDaysAgo: -14,
      },
    ],
    notes: [
      {
        daysAgo: 40.5,
        author: 'user:default/raj.patel',
        body: 'Created from the major incident. Earlier short 502 bursts also line up with reloads, linking them.',
      },
      {
        daysAgo: 33,
        author: 'user:default/nina.rossi',
        body: 'Timeline reconstruction: the reload at 14:02 hit all 12 nodes within 3 seconds; upstream reconnects peaked at 40k/s. Staggering fixes the storm but not the dropped in-flight requests.',
      },
    ],
  },
  {
    key: 'checkout-deploy',
    title: 'checkout-api returns 503 during every deployment',
    statement:
      'Every checkout-api deployment causes about 30 seconds of HTTP 503 on POST /checkout.',
    entityRef: 'component:default/checkout-api',
    category: 'deployment',
    impact: 2,
    urgency: 2,
    source: 'manual',
    reporter: 'user:default/ben.carter',
    assignee: 'user:default/lucas.meyer',
    history: [
      ['new', 65.3],
      ['assess', 64.9],
      ['root_cause_analysis', 60.2],
      ['fix_in_progress', 50.1],
    ],
    rcaMethod: 'five_whys',
    rootCause:
      'checkout-api exits on SIGTERM right away: pods stop accepting connections while the load balancer still routes to them for up to 30 seconds, and in-flight checkouts are cut off.',
    workaround:
      'Deploy checkout-api outside peak hours with maxUnavailable: 0 and maxSurge: 100%, and watch the 5xx panel during the rollout.',
    symptoms:
      'Short bursts of HTTP 503 on POST /checkout that line up with checkout-api deployments.',
    knownErrorDaysAgo: 58.4,
    permanentFix:
      'Add a preStop hook (sleep 15s) and graceful shutdown that drains in-flight requests within terminationGracePeriodSeconds.',
    series: [
      {
        templates: [T.deployCheckout],
        daysAgo: { from: 90, to: 2.5, count: 8 },
        priorities: P3_P4,
      },
      {
        templates: [T.deployStorefront],
        daysAgo: { from: 85, to: 10, count: 3 },
        priorities: P3_P4,
      },
    ],
    actionItems: [
      {
        title: 'Document the off-peak deployment workaround in the runbook',
        kind: 'corrective',
        owner: 'user:default/ben.carter',
        createdDaysAgo: 58,
        dueDaysAgo: 55,
        doneDaysAgo: 57,
      },
      {
        title: 'Implement graceful shutdown in checkout-api',
        kind: 'corrective',
        owner: 'user:default/lucas.meyer',
        createdDaysAgo: 50,
        dueDaysAgo: -3,
      },
      {
        title: 'Add a preStop hook to the service template',
        kind: 'preventive',
        owner: 'user:default/emma.kowalski',
        createdDaysAgo: 50,
        dueDaysAgo: 10,
      },
    ],
    notes: [],
  },
  {
    key: 'mobile-499',
    title: 'Intermittent HTTP 499 responses from mobile clients',
    statement:
      'Mobile app requests to api-gateway are cancelled by the client with HTTP 499 a few times a week; the web storefront is not affected. Root cause entity not known yet.',
    entityRef: null,
    category: 'performance',
    impact: 3,
    urgency: 3,
    source: 'manual',
    reporter: 'user:default/nina.rossi',
    assignee: null,
    history: [['new', 3.1]],
    explicitEntityRefs: ['component:default/storefront-web'],
    series: [
      {
        templates: [T.mobileCancels],
        daysAgo: [20.2, 9.1, 4.3],
        priorities: [[5, 1]],
      },
    ],
    actionItems: [],
    notes: [],
  },
  {
    key: 'three-ds-timeouts',
    title: 'Payment provider 3-D Secure challenges time out',
    statement:
      "3-D Secure challenges time out at the payment provider's directory server a few times a month.",
    entityRef: 'component:default/payments-api',
    category: 'dependency',
    impact: 2,
    urgency: 2,
    source: 'manual',
    reporter: 'user:default/maria.santos',
    assignee: 'user:default/david.okafor',
    history: [
      ['new', 8.2],
      ['assess', 6.1],
    ],
    series: [
      {
        templates: [T.threeDsTimeouts],
        daysAgo: { from: 58, to: 7, count: 4 },
        priorities: P3_P4,
      },
    ],
    actionItems: [
      {
        title: 'Ask the provider for their directory server incident reports',
        kind: 'corrective',
        owner: 'user:default/david.okafor',
        createdDaysAgo: 6,
        dueDaysAgo: -8,
      },
    ],
    notes: [],
  },
];
