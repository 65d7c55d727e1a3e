import { P2_P3, P3_P4 } from './priorityWeights';
import type { ProblemScenario } from './problemScenarios';
import { RECURRING_TEMPLATES as T } from './recurringIncidents';

/** Problems of the demo history that are resolved or closed, including one fix that did not help. */
export const CLOSED_PROBLEMS: readonly ProblemScenario[] = [
  {
    key: 'orders-db-pool',
    title: 'orders-db connection pool exhaustion under peak load',
    statement:
      'checkout-api and order-service repeatedly run out of connections to orders-db at peak traffic, so checkouts and order placement time out.',
    entityRef: 'resource:default/orders-db',
    category: 'capacity',
    impact: 1,
    urgency: 2,
    source: 'manual',
    reporter: 'user:default/priya.raman',
    assignee: 'user:default/wei.chen',
    history: [
      ['new', 150.2],
      ['assess', 149.9],
      ['root_cause_analysis', 147.1],
      ['fix_in_progress', 138.4],
      ['resolved', 104.6],
      ['closed', 90.3],
    ],
    rcaMethod: 'five_whys',
    rootCause:
      'A nightly reporting query added in order-service 2.14 ran on the primary and kept its transaction open for minutes while scanning order_items. When it overlapped with peak traffic, sessions idle in transaction held most of the 50 PgBouncer connections, and application requests queued until they timed out.',
    workaround:
      "Terminate the reporting sessions (`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'order-reports'`) and restart the PgBouncer pods; the pool recovers within a minute.",
    symptoms:
      '"timeout acquiring connection from pool" in checkout-api or order-service logs, many sessions idle in transaction on orders-db, and a rise in checkout errors at peak.',
    knownErrorDaysAgo: 141.2,
    permanentFix:
      'Moved reporting to the read replica, set idle_in_transaction_session_timeout = 60s and statement_timeout = 5s for application roles, and split the PgBouncer pool into per-service limits (checkout-api 40, order-service 30).',
    resolutionCode: 'fix_applied',
    resolutionNotes:
      'All three changes are in production; no pool exhaustion during the last two sales peaks.',
    explicitEntityRefs: ['component:default/auth-service'],
    series: [
      {
        templates: [T.poolCheckout],
        daysAgo: { from: 180, to: 106, count: 9 },
        priorities: P2_P3,
      },
      {
        templates: [T.poolOrders],
        daysAgo: { from: 178, to: 105, count: 6 },
        priorities: P2_P3,
      },
      {
        templates: [T.poolOrders],
        daysAgo: [61.3],
        priorities: [[4, 1]],
        linkShare: 0,
      },
    ],
    actionItems: [
      {
        title: 'Move the order reports to the read replica',
        kind: 'corrective',
        owner: 'user:default/lucas.meyer',
        createdDaysAgo: 138,
        dueDaysAgo: 124,
        doneDaysAgo: 121,
      },
      {
        title: 'Set idle_in_transaction_session_timeout for application roles',
        kind: 'corrective',
        owner: 'user:default/wei.chen',
        createdDaysAgo: 138,
        dueDaysAgo: 128,
        doneDaysAgo: 130,
      },
      {
        title:
          'Alert when PgBouncer has more than 10 waiting clients for 2 minutes',
        kind: 'preventive',
        owner: 'user:default/omar.haddad',
        createdDaysAgo: 137,
        dueDaysAgo: 110,
        doneDaysAgo: 112,
      },
      {
        title: 'Add a connection budget review to the service launch checklist',
        kind: 'preventive',
        owner: 'user:default/julia.fischer',
        createdDaysAgo: 104,
        dueDaysAgo: 60,
      },
    ],
    notes: [
      {
        daysAgo: 149.8,
        author: 'user:default/wei.chen',
        body: 'Nine pool exhaustion incidents on checkout-api and order-service in a month, always between 19:00 and 21:00 UTC. Starting an analysis with the checkout team.',
      },
      {
        daysAgo: 146.5,
        author: 'user:default/sara.lindqvist',
        body: 'pg_stat_activity snapshots from the last two incidents both show application_name = order-reports idle in transaction for more than 4 minutes.',
      },
      {
        daysAgo: 95.2,
        author: 'user:default/julia.fischer',
        body: 'Reviewed with the checkout team: no pool exhaustion since the fix. Closing after the remaining action item is scheduled.',
      },
    ],
  },
  {
    key: 'orders-db-timeouts',
    title: 'order-service timeouts talking to orders-db',
    statement:
      'order-service times out on orders-db several times a week at peak; cause unknown.',
    entityRef: 'resource:default/orders-db',
    category: 'capacity',
    impact: 2,
    urgency: 2,
    source: 'manual',
    reporter: 'user:default/lucas.meyer',
    assignee: 'user:default/omar.haddad',
    history: [
      ['new', 146.1],
      ['closed', 145.3],
    ],
    resolutionCode: 'duplicate',
    resolutionNotes:
      'Same root cause as the orders-db connection pool problem; the incidents are tracked there.',
    duplicateOf: 'orders-db-pool',
    explicitEntityRefs: ['component:default/order-service'],
    series: [],
    actionItems: [],
    notes: [],
  },
  {
    key: 'telemetry-leak',
    title: 'telemetry-lib 3.2 span buffer leaks memory',
    statement:
      'Services on telemetry-lib 3.2 grow in memory until they are OOMKilled, at different times on order-service, checkout-api and payments-api.',
    entityRef: 'component:default/telemetry-lib',
    category: 'capacity',
    impact: 2,
    urgency: 1,
    source: 'manual',
    reporter: 'user:default/david.okafor',
    assignee: 'user:default/raj.patel',
    history: [
      ['new', 160.3],
      ['assess', 160.1],
      ['root_cause_analysis', 159.2],
      ['fix_in_progress', 156.4],
      ['resolved', 150.2],
      ['closed', 140.1],
    ],
    rcaMethod: 'timeline',
    rootCause:
      'telemetry-lib 3.2.0 keeps every span in its export buffer while the OpenTelemetry collector is unreachable, without a bound. Services that lost the collector connection grew until the OOM killer restarted them.',
    workaround:
      'Restart the affected pods, and set TELEMETRY_EXPORT_ENABLED=false while the collector is down.',
    symptoms:
      'Steady memory growth and OOMKilled restarts in services on telemetry-lib 3.2.x while the collector is unreachable.',
    knownErrorDaysAgo: 157.3,
    permanentFix:
      'telemetry-lib 3.2.4 bounds the export buffer at 2048 spans and drops the oldest; all services upgraded.',
    resolutionCode: 'fix_applied',
    resolutionNotes: 'All services run telemetry-lib 3.2.4.',
    series: [
      {
        templates: [T.oomOrders, T.oomCheckout, T.oomPayments],
        daysAgo: { from: 178, to: 151, count: 8 },
        priorities: [
          [2, 2],
          [3, 5],
          [4, 1],
        ],
      },
    ],
    actionItems: [
      {
        title: 'Bound the span export buffer in telemetry-lib',
        kind: 'corrective',
        owner: 'user:default/raj.patel',
        createdDaysAgo: 156,
        dueDaysAgo: 150,
        doneDaysAgo: 152,
      },
      {
        title: 'Alert when the collector is unreachable for 5 minutes',
        kind: 'preventive',
        owner: 'user:default/emma.kowalski',
        createdDaysAgo: 155,
        dueDaysAgo: 140,
        doneDaysAgo: 143,
      },
    ],
    notes: [],
  },
  {
    key: 'auth-key-rotation',
    title: 'Token validation fails after auth-service signing key rotation',
    statement:
      'Each monthly signing key rotation is followed by a burst of 401 responses in the services that validate customer tokens, which logs shoppers out mid-checkout.',
    entityRef: 'component:default/auth-service',
    category: 'dependency',
    impact: 1,
    urgency: 2,
    source: 'manual',
    reporter: 'user:default/emma.kowalski',
    assignee: 'user:default/sara.lindqvist',
    history: [
      ['new', 138.3],
      ['assess', 137.9],
      ['root_cause_analysis', 135.2],
      ['fix_in_progress', 120.4],
      ['resolved', 44.2],
    ],
    rcaMethod: 'timeline',
    rootCause:
      'Services cache the JWKS for 24 hours and do not fetch it again when a token carries an unknown key id. auth-service published each new key at the moment it started signing with it, so services rejected new tokens until their cache expired or they restarted.',
    workaround:
      'Restart the affected services, or call their `/admin/jwks/refresh` endpoint, right after a key rotation.',
    symptoms:
      '401 responses with "no matching key for kid" in cart-service, checkout-api, payments-api or api-gateway logs, shortly after a signing key rotation.',
    knownErrorDaysAgo: 134.1,
    permanentFix:
      'auth-service now publishes the next signing key 48 hours before using it, and the shared token validation library fetches the JWKS again on an unknown key id (at most once a minute).',
    resolutionCode: 'fix_applied',
    resolutionNotes:
      'Key pre-publication is live and every service runs token library 2.3; the rotation on the 1st passed without a single 401 spike.',
    series: [
      {
        templates: [
          T.tokenCart,
          T.tokenCheckout,
          T.tokenPayments,
          T.tokenGateway,
        ],
        daysAgo: [170.4, 140.4, 110.4, 80.4, 50.4],
        perEvent: 4,
        priorities: [
          [2, 4],
          [3, 5],
          [4, 1],
        ],
      },
    ],
    actionItems: [
      {
        title: 'Publish signing keys 48 hours before they are used',
        kind: 'corrective',
        owner: 'user:default/sara.lindqvist',
        createdDaysAgo: 120,
        dueDaysAgo: 70,
        doneDaysAgo: 66,
      },
      {
        title: 'Fetch the JWKS again on an unknown kid in the token library',
        kind: 'corrective',
        owner: 'user:default/omar.haddad',
        createdDaysAgo: 120,
        dueDaysAgo: 60,
        doneDaysAgo: 47,
      },
      {
        title: 'Run a synthetic login check right after each key rotation',
        kind: 'preventive',
        owner: 'user:default/raj.patel',
        createdDaysAgo: 44,
        dueDaysAgo: -10,
      },
      {
        title: 'Upgrade api-gateway to token library 2.3',
        kind: 'corrective',
        owner: 'user:default/nina.rossi',
        createdDaysAgo: 44,
        dueDaysAgo: 5,
      },
    ],
    notes: [
      {
        daysAgo: 137.5,
        author: 'user:default/sara.lindqvist',
        body: 'The bursts line up exactly with our key rotations on the 1st of each month. Services that restarted after the rotation were not affected.',
      },
      {
        daysAgo: 52,
        author: 'user:default/sara.lindqvist',
        body: 'Library 2.3 rolled out to cart-service, checkout-api and payments-api. api-gateway is still on 2.1; the 48-hour pre-publication covers it for now.',
      },
    ],
  },
  {
    key: 'fraud-timeouts',
    title: 'Payments declined because fraud-detector times out',
    statement:
      'payments-api declines payments when fraud-detector does not answer within its timeout; declines spike several times a week.',
    entityRef: 'component:default/fraud-detector',
    category: 'performance',
    impact: 1,
    urgency: 2,
    source: 'manual',
    reporter: 'user:default/alice.nguyen',
    assignee: 'user:default/maria.santos',
    history: [
      ['new', 110.2],
      ['assess', 109.7],
      ['root_cause_analysis', 105.1],
      ['fix_in_progress', 90.3],
      ['resolved', 62.4],
    ],
    rcaMethod: 'five_whys',
    rootCause:
      'payments-api waits at most 200 ms for a fraud score and declines the payment when the call times out. fraud-detector p99 exceeds 200 ms when its feature lookups miss the cache.',
    workaround:
      'Enable the feature flag `fraud.failOpenSmallAmounts` on payments-api: payments under EUR 50 are accepted when the fraud score is late.',
    symptoms:
      'Rise in declines with reason FRAUD_TIMEOUT on payments-api, together with fraud-detector p99 above 200 ms.',
    knownErrorDaysAgo: 100.2,
    permanentFix:
      'Raised the payments-api fraud timeout to 500 ms and added one retry.',
    resolutionCode: 'fix_applied',
    resolutionNotes: 'Timeout raised to 500 ms with one retry; monitoring.',
    series: [
      {
        templates: [T.fraudTimeoutPayments, T.fraudSlow],
        daysAgo: [
          158.2, 148.7, 139.1, 128.4, 119.6, 108.3, 97.5, 88.2, 79.6, 70.4,
          64.1,
        ],
        priorities: P2_P3,
      },
      // The timeout change did not remove the cache misses: declines go on.
      {
        templates: [T.fraudTimeoutPayments, T.fraudSlow],
        daysAgo: [
          60.5, 57.1, 53.8, 50.2, 47.2, 44.0, 41.5, 38.3, 35.1, 29.6, 23.4,
          16.8, 10.2, 3.7,
        ],
        priorities: P3_P4,
        linkShare: 0.5,
      },
    ],
    actionItems: [
      {
        title: 'Raise the fraud timeout on payments-api to 500 ms',
        kind: 'corrective',
        owner: 'user:default/alice.nguyen',
        createdDaysAgo: 90,
        dueDaysAgo: 70,
        doneDaysAgo: 63,
      },
      {
        title: 'Load test fraud-detector with a cold feature cache',
        kind: 'preventive',
        owner: 'user:default/maria.santos',
        createdDaysAgo: 62,
        dueDaysAgo: 20,
      },
    ],
    notes: [
      {
        daysAgo: 18.2,
        author: 'user:default/alice.nguyen',
        body: 'Declines kept coming after the timeout change (several incidents since). The longer timeout hides part of the latency but not the cache misses; we should re-analyse the feature lookup path.',
      },
    ],
  },
  {
    key: 'sms-throttling',
    title: 'SMS provider throttles order notifications during sales',
    statement:
      'During sales, the SMS provider rejects part of our delivery notifications with HTTP 429.',
    entityRef: 'component:default/notification-service',
    category: 'dependency',
    impact: 3,
    urgency: 2,
    source: 'manual',
    reporter: 'user:default/omar.haddad',
    assignee: 'user:default/wei.chen',
    history: [
      ['new', 130.4],
      ['assess', 128.2],
      ['root_cause_analysis', 125.1],
      ['closed', 100.3],
    ],
    rcaMethod: 'other',
    rootCause:
      'Our SMS contract allows 50 messages per second; sales peaks need up to 180.',
    workaround:
      'Notifications are queued and retried with backoff, so customers get them up to 15 minutes late. Email is always sent.',
    symptoms:
      'HTTP 429 from the SMS provider in notification-service logs and a growing SMS retry queue during sales.',
    knownErrorDaysAgo: 124.3,
    resolutionCode: 'risk_accepted',
    resolutionNotes:
      'Risk accepted by the checkout and payments product owners: the next SMS tier costs four times as much and only delays SMS during sales. Revisit at contract renewal.',
    series: [
      {
        templates: [T.smsThrottled],
        daysAgo: { from: 170, to: 102, count: 6 },
        priorities: [
          [4, 3],
          [5, 2],
        ],
      },
      {
        templates: [T.smsThrottled],
        daysAgo: [58.2, 21.3],
        priorities: [[5, 1]],
        linkShare: 0,
      },
    ],
    actionItems: [
      {
        title: 'Revisit the SMS tier at contract renewal',
        kind: 'preventive',
        owner: 'user:default/wei.chen',
        createdDaysAgo: 100,
        dueDaysAgo: -60,
      },
    ],
    notes: [],
  },
  {
    key: 'cart-memory',
    title: 'cart-service memory grows until restart',
    statement:
      'cart-service memory grows for hours after each deploy; suspected memory leak.',
    entityRef: 'component:default/cart-service',
    category: 'capacity',
    impact: 3,
    urgency: 3,
    source: 'manual',
    reporter: 'user:default/ben.carter',
    assignee: 'user:default/priya.raman',
    history: [
      ['new', 85.2],
      ['assess', 84.6],
      ['closed', 78.1],
    ],
    resolutionCode: 'cancelled',
    resolutionNotes:
      'Not a leak: the growth is the local cache warming up to its configured 2 GB limit, where it stops. Incidents unlinked.',
    explicitEntityRefs: ['component:default/cart-service'],
    unlinkOnClose: true,
    series: [
      {
        templates: [T.cartMemory],
        daysAgo: [88.3, 86.2],
        priorities: [[4, 1]],
      },
    ],
    actionItems: [],
    notes: [
      {
        daysAgo: 79,
        author: 'user:default/priya.raman',
        body: 'Heap dumps at 6 h and 24 h after start: the growth is all in the product cache, which is bounded at 2 GB. Memory is flat after that.',
      },
    ],
  },
];
