import { Magnitude } from './magnitude';

/** A kind of incident that can happen to one entity, with the words to describe it. */
export interface IncidentTemplate {
  /** Stable identifier; also the source of alert dedup keys. */
  key: string;
  entityRef: string;
  /** One of the default categories. */
  category: string;
  /** Name of the alert that raises it, when monitoring can detect it. */
  alert?: string;
  title(m: Magnitude): string;
  description(m: Magnitude): string;
  /** What went wrong technically, in one sentence. */
  cause: string;
  /** What restored the service for good. */
  resolution: string;
  /** What restored the service for now, when there was a stopgap. */
  workaround?: string;
}

const STOREFRONT = 'component:default/storefront-web';
const GATEWAY = 'component:default/api-gateway';
const CHECKOUT = 'component:default/checkout-api';
const CART = 'component:default/cart-service';
const SEARCH = 'component:default/catalog-search';
const ORDERS = 'component:default/order-service';
const PAYMENTS = 'component:default/payments-api';
const FRAUD = 'component:default/fraud-detector';
const LEDGER = 'component:default/ledger-service';
const NOTIFICATIONS = 'component:default/notification-service';
const AUTH = 'component:default/auth-service';
const TELEMETRY = 'component:default/telemetry-lib';
const ORDERS_DB = 'resource:default/orders-db';
const PAYMENTS_DB = 'resource:default/payments-db';
const EVENT_BUS = 'resource:default/event-bus';
const REDIS = 'resource:default/redis-cache';

/** How often each entity has one-off incidents, relative to the others. */
export const BACKGROUND_ENTITY_WEIGHTS: ReadonlyArray<
  readonly [string, number]
> = [
  [CHECKOUT, 12],
  [PAYMENTS, 10],
  [STOREFRONT, 9],
  [GATEWAY, 8],
  [ORDERS, 8],
  [CART, 7],
  [SEARCH, 6],
  [AUTH, 6],
  [LEDGER, 6],
  [NOTIFICATIONS, 6],
  [FRAUD, 5],
  [ORDERS_DB, 4],
  [EVENT_BUS, 4],
  [REDIS, 3],
  [PAYMENTS_DB, 3],
  [TELEMETRY, 2],
];

/** One-off incidents, not caused by a known problem. */
export const BACKGROUND_TEMPLATES: readonly IncidentTemplate[] = [
  {
    key: 'storefront-lcp',
    entityRef: STOREFRONT,
    category: 'performance',
    alert: 'StorefrontSlowLCP',
    title: m =>
      `Storefront Largest Contentful Paint above ${m.seconds}s on mobile`,
    description: m =>
      `Real-user monitoring shows LCP at ${m.seconds}s on mobile product pages, up from 2.1s yesterday. Mobile conversion is dropping.`,
    cause:
      'An unoptimised 4 MB hero image was published with the weekend campaign and bypassed the image resizer.',
    resolution:
      'Replaced the campaign image with resized variants and added a size check to the CMS upload.',
    workaround: 'Switched the campaign banner to the static fallback image.',
  },
  {
    key: 'storefront-add-to-cart',
    entityRef: STOREFRONT,
    category: 'deployment',
    alert: 'StorefrontJsErrorRate',
    title: m =>
      `Storefront release broke "Add to cart" for ${m.pct}% of sessions`,
    description: () =>
      `Product pages throw "Cannot read properties of undefined (reading 'sku')" since the latest storefront-web release; affected shoppers cannot add items to the cart.`,
    cause:
      'The new product page bundle assumed every product has variants, so single-variant products crashed the add-to-cart handler.',
    resolution:
      'Shipped a fix that handles single-variant products, with a regression test in the end-to-end suite.',
    workaround: 'Rolled back storefront-web to the previous release.',
  },
  {
    key: 'storefront-safari',
    entityRef: STOREFRONT,
    category: 'availability',
    title: m => `Storefront shows a blank page for ${m.pct}% of Safari users`,
    description: () =>
      'Safari users report a white screen after the page loads. The browser console shows a syntax error in the vendor bundle.',
    cause:
      'The build target dropped Safari 15, so the bundle used syntax that older Safari versions cannot parse.',
    resolution:
      'Restored Safari 15 to the browserslist targets, redeployed, and added Safari 15 to the browser test matrix.',
  },
  {
    key: 'storefront-flag',
    entityRef: STOREFRONT,
    category: 'configuration',
    title: () =>
      'Feature flag "new-checkout" enabled for all regions by mistake',
    description: () =>
      'The new checkout flow, meant for 5% of users in the Netherlands, is served everywhere. Shoppers in regions without the new payment methods see an empty payment step.',
    cause:
      'A targeting change was applied to the default rule instead of the NL segment.',
    resolution:
      'Restored the flag targeting from the audit log and required a second reviewer for default-rule changes.',
  },
  {
    key: 'gateway-503',
    entityRef: GATEWAY,
    category: 'availability',
    alert: 'GatewayHigh5xxRate',
    title: m =>
      `api-gateway returns HTTP 503 for ${m.pct}% of requests in eu-west-1`,
    description: m =>
      `Edge error rate rose to ${m.pct}% in eu-west-1 while other regions are normal. Upstream health checks flap on two gateway nodes.`,
    cause:
      'Two gateway nodes ran out of file descriptors after the upstream keep-alive timeout was lowered.',
    resolution:
      'Restored the keep-alive setting, raised the file descriptor limit and replaced the two nodes.',
    workaround: 'Drained the two unhealthy nodes from the load balancer.',
  },
  {
    key: 'gateway-latency',
    entityRef: GATEWAY,
    category: 'performance',
    alert: 'GatewayHighLatency',
    title: m => `api-gateway p99 latency above ${m.ms} ms`,
    description: m =>
      `p99 latency at the edge is ${m.ms} ms against a 300 ms objective; the increase is spread across all routes.`,
    cause:
      'A certificate rotation disabled TLS session resumption, so every request paid for a full handshake.',
    resolution:
      'Re-enabled session tickets and added the check to the certificate rotation runbook.',
  },
  {
    key: 'gateway-credential-stuffing',
    entityRef: GATEWAY,
    category: 'security',
    alert: 'GatewayLoginFailureSpike',
    title: m =>
      `Credential stuffing against /login from ${m.count} IP addresses`,
    description: () =>
      'Failed logins rose to forty times the usual rate from a rotating set of residential IP addresses, and account lockouts are increasing.',
    cause:
      'A credential list leaked from another site is being replayed against our login endpoint.',
    resolution:
      'Enabled the bot challenge on /login, blocked the offending networks and forced a password reset on the accounts that were accessed.',
    workaround:
      'Lowered the per-IP rate limit on /login to 5 requests a minute.',
  },
  {
    key: 'gateway-rate-limit',
    entityRef: GATEWAY,
    category: 'configuration',
    title: () => 'Cart requests throttled at 10 rps after gateway config push',
    description: () =>
      "Requests to /v1/cart get HTTP 429 above 10 requests per second for the whole site since this morning's gateway configuration push.",
    cause:
      'A per-client rate limit was applied as a global limit because the scope key was missing.',
    resolution:
      'Fixed the scope key, redeployed the configuration and added a lint rule for rate limit scopes.',
  },
  {
    key: 'gateway-cpu',
    entityRef: GATEWAY,
    category: 'capacity',
    alert: 'GatewayCpuHigh',
    title: () => 'api-gateway nodes saturated during the flash sale',
    description: () =>
      'CPU on gateway nodes is above 85% and the autoscaler has reached its maximum of 12 nodes; latency is climbing.',
    cause:
      'The autoscaler maximum was sized for normal traffic, not for the flash sale.',
    resolution:
      'Raised the autoscaler maximum to 24 nodes and added sale events to the capacity calendar.',
    workaround: 'Added six nodes by hand.',
  },
  {
    key: 'checkout-502',
    entityRef: CHECKOUT,
    category: 'availability',
    alert: 'CheckoutHigh5xxRate',
    title: m => `Checkout returns HTTP 502 for ${m.pct}% of requests`,
    description: m =>
      `POST /checkout fails with HTTP 502 for ${m.pct}% of requests; shoppers see "Payment could not be completed".`,
    cause:
      "A release shipped an HTTP client timeout below payments-api's p99 latency, so slow payments were cut off.",
    resolution:
      'Raised the payments client timeout above the payments-api p99 and added a contract test for it.',
    workaround: 'Rolled back checkout-api to the previous release.',
  },
  {
    key: 'checkout-latency',
    entityRef: CHECKOUT,
    category: 'performance',
    alert: 'CheckoutSlow',
    title: m => `Checkout p99 latency above ${m.seconds}s`,
    description: m =>
      `Checkout p99 latency is ${m.seconds}s against a 1.5s objective. Traces show the time is spent in cart validation.`,
    cause:
      'A refactoring made cart validation fetch prices one item at a time.',
    resolution: 'Restored the batched price lookup in cart validation.',
  },
  {
    key: 'checkout-rollout',
    entityRef: CHECKOUT,
    category: 'deployment',
    title: () => 'checkout-api rollout stuck: new pods fail readiness probes',
    description: () =>
      'The rollout of the latest checkout-api release has been stuck for 20 minutes; new pods fail readiness and the old ones carry all traffic.',
    cause:
      'The release needs a new setting that was added to the code but not to the production configuration.',
    resolution:
      'Added the setting to production and made the service fail fast with a clear message on missing configuration.',
    workaround: 'Paused the rollout.',
  },
  {
    key: 'checkout-jpy',
    entityRef: CHECKOUT,
    category: 'data',
    title: m => `${m.count} JPY orders charged with wrong rounding`,
    description: () =>
      'Orders paid in yen were rounded to two decimals before charging, so totals differ from the cart by up to ¥1 per item.',
    cause:
      'The currency formatter defaulted to two minor units instead of the ISO 4217 value for JPY.',
    resolution:
      'Used ISO 4217 minor units for every currency and refunded the differences.',
  },
  {
    key: 'cart-latency',
    entityRef: CART,
    category: 'performance',
    alert: 'CartSlow',
    title: m => `Cart add-item latency p95 above ${m.ms} ms`,
    description: m =>
      `Adding an item to the cart takes ${m.ms} ms at p95, against 200 ms normally. Database time dominates the traces.`,
    cause: 'An index on cart_items(cart_id) was lost in a schema migration.',
    resolution:
      'Recreated the index and added a migration check for dropped indexes to CI.',
  },
  {
    key: 'cart-stale-prices',
    entityRef: CART,
    category: 'data',
    title: () => 'Carts show stale prices after the price update',
    description: () =>
      'Prices changed at 09:00 still show the old value in carts created before the change, and checkout then fails with a price mismatch.',
    cause:
      'The cart-service subscription still filtered on the old name of the price-changed event.',
    resolution: 'Fixed the subscription filter and re-priced open carts.',
  },
  {
    key: 'cart-crashloop',
    entityRef: CART,
    category: 'availability',
    alert: 'CartPodsCrashLooping',
    title: () => 'cart-service pods crash-looping after node drain',
    description: () =>
      'After a planned node drain, 4 of 6 cart-service pods are in CrashLoopBackOff with OOMKilled.',
    cause:
      'Memory limits are too low for the cache warm-up that runs on start.',
    resolution: 'Raised memory limits and made the warm-up incremental.',
    workaround: 'Scaled cart-service to 10 replicas on the remaining nodes.',
  },
  {
    key: 'search-missing-products',
    entityRef: SEARCH,
    category: 'data',
    title: m =>
      `Search results missing products added in the last ${m.hours} hours`,
    description: () =>
      'New products appear in the catalog but not in search; the indexer has not processed updates since the last deploy.',
    cause:
      'The indexer crashed on a malformed product event and stopped committing offsets.',
    resolution:
      'Moved the malformed event to the dead-letter topic, restarted the indexer and added dead-lettering for parse errors.',
  },
  {
    key: 'search-disk',
    entityRef: SEARCH,
    category: 'capacity',
    alert: 'SearchDiskAlmostFull',
    title: () => 'catalog-search index disk above 90%',
    description: () =>
      'Index nodes are at 92% disk; at the current growth the cluster switches to read-only within six hours.',
    cause: 'Old index generations were not deleted after reindexing.',
    resolution: 'Deleted old index generations and added a retention job.',
  },
  {
    key: 'orders-history-500',
    entityRef: ORDERS,
    category: 'availability',
    alert: 'OrdersHigh5xxRate',
    title: m =>
      `order-service returns HTTP 500 on order history for ${m.pct}% of requests`,
    description: () =>
      'Customers opening "My orders" get an error page; logs show a NullPointerException in the order history serializer.',
    cause:
      'Legacy orders without a shipping address crash the new order history serializer.',
    resolution:
      'Handled missing addresses in the serializer and backfilled the legacy orders.',
  },
  {
    key: 'orders-duplicate-events',
    entityRef: ORDERS,
    category: 'data',
    title: m => `Duplicate order confirmation events for ${m.count} orders`,
    description: () =>
      'Customers received two confirmation emails and the warehouse two pick requests for the same orders.',
    cause:
      'A retry after a timeout re-published OrderPlaced without an idempotency key.',
    resolution:
      'Added an idempotency key to OrderPlaced, deduplicated in consumers and cancelled the duplicate pick requests.',
  },
  {
    key: 'orders-latency',
    entityRef: ORDERS,
    category: 'performance',
    alert: 'OrdersSlow',
    title: m => `Order placement latency p99 above ${m.seconds}s`,
    description: m =>
      `Placing an order takes ${m.seconds}s at p99. Traces show a synchronous call to the tax provider on every order.`,
    cause:
      'The new tax provider integration calls the vendor synchronously on the hot path.',
    resolution:
      'Cached tax rates per region and moved the vendor call off the hot path.',
  },
  {
    key: 'payments-visa',
    entityRef: PAYMENTS,
    category: 'availability',
    alert: 'PaymentsAuthFailureRate',
    title: m => `Card authorisation failures at ${m.pct}% for Visa`,
    description: m =>
      `${m.pct}% of Visa authorisations fail with "TLS handshake failed" towards the primary acquirer; other card schemes are fine.`,
    cause:
      'The acquirer rotated its TLS certificate and our pinned chain was out of date.',
    resolution:
      'Updated the certificate chain and replaced pinning with CA validation plus expiry monitoring.',
    workaround: 'Routed Visa traffic to the secondary acquirer.',
  },
  {
    key: 'payments-latency',
    entityRef: PAYMENTS,
    category: 'performance',
    alert: 'PaymentsSlow',
    title: m => `payments-api p99 latency above ${m.ms} ms`,
    description: m =>
      `payments-api p99 is ${m.ms} ms against a 600 ms objective; the time is spent opening connections to the acquirer.`,
    cause:
      'A keep-alive change made payments-api open a new TLS connection to the acquirer for every request.',
    resolution: 'Restored connection pooling towards the acquirer.',
  },
  {
    key: 'payments-refunds',
    entityRef: PAYMENTS,
    category: 'data',
    title: m => `${m.count} refunds stuck in "pending" for more than a day`,
    description: () =>
      'Customer service reports refunds that never reach the card; the refund worker shows no errors.',
    cause:
      'The refund worker skipped refunds whose original payment used a card that has since been replaced.',
    resolution:
      'Fixed the card lookup for replaced cards and re-queued the pending refunds.',
  },
  {
    key: 'fraud-false-positives',
    entityRef: FRAUD,
    category: 'data',
    title: m => `Fraud model flags ${m.pct}% of legitimate orders for review`,
    description: () =>
      'The manual review queue grew tenfold since model v14 went live; reviewers approve nearly all held orders.',
    cause:
      'A new model feature is computed in different units in training and in production.',
    resolution:
      'Rolled back to model v13 and added a feature parity check to the model release pipeline.',
    workaround:
      'Raised the review threshold so only high-risk orders are held.',
  },
  {
    key: 'fraud-rollout',
    entityRef: FRAUD,
    category: 'deployment',
    alert: 'FraudErrorRate',
    title: () => 'fraud-detector rollout failing: model file not found',
    description: () =>
      'New fraud-detector pods fail to start because the model artefact path changed; the rollout is stuck at 30%.',
    cause:
      'The model artefact was published under a new bucket path that the deployment does not know.',
    resolution:
      'Pointed the deployment at the new artefact path and added a start-up check in CI.',
  },
  {
    key: 'ledger-mismatch',
    entityRef: LEDGER,
    category: 'data',
    title: m =>
      `Ledger balance mismatch of ${m.count} EUR in daily reconciliation`,
    description: m =>
      `The daily reconciliation between ledger-service and the acquirer settlement file is off by ${m.count} EUR.`,
    cause:
      "Refunds in a second currency were booked at the order's exchange rate instead of the rate on the refund date.",
    resolution:
      'Booked correcting entries and fixed the exchange rate lookup for refunds.',
  },
  {
    key: 'ledger-failover',
    entityRef: LEDGER,
    category: 'availability',
    alert: 'LedgerServiceDown',
    title: () =>
      'ledger-service failing health checks after payments-db failover',
    description: () =>
      'After a planned payments-db failover, ledger-service cannot reach the database and postings queue up.',
    cause:
      'The service cached the address of the old primary and never resolved the DNS name again.',
    resolution:
      'Set the DNS cache TTL to 30 seconds and added failover to the quarterly game day.',
    workaround: 'Restarted ledger-service.',
  },
  {
    key: 'ledger-export',
    entityRef: LEDGER,
    category: 'data',
    title: m => `Settlement export to finance missing ${m.count} transactions`,
    description: () =>
      "Finance reports that yesterday's settlement export is incomplete compared with the acquirer's file.",
    cause:
      'The export query used local time for the day boundary, so transactions around midnight UTC were skipped.',
    resolution: 'Used UTC day boundaries and re-sent the export.',
  },
  {
    key: 'notify-email-delay',
    entityRef: NOTIFICATIONS,
    category: 'dependency',
    alert: 'EmailQueueBacklog',
    title: m => `Order confirmation emails delayed by ${m.minutes} minutes`,
    description: m =>
      `The email queue holds a ${m.minutes}-minute backlog; the email provider answers with "421 try again later".`,
    cause: 'The email provider throttled us after a rise in bounced addresses.',
    resolution:
      'Cleaned the bounced addresses and agreed a higher sending limit with the provider.',
  },
  {
    key: 'notify-reset-link',
    entityRef: NOTIFICATIONS,
    category: 'configuration',
    title: () => 'Password reset emails contain a broken link',
    description: () =>
      'Customers report that the link in the password reset email leads to a 404 page on a staging domain.',
    cause:
      'The base URL setting still pointed at staging after the configuration migration.',
    resolution:
      'Corrected the base URL and added a smoke test that follows the links in each email template.',
  },
  {
    key: 'auth-login-latency',
    entityRef: AUTH,
    category: 'performance',
    alert: 'AuthLoginSlow',
    title: m => `Login latency p99 above ${m.seconds}s`,
    description: m =>
      `Logins take ${m.seconds}s at p99; CPU on auth-service pods is saturated.`,
    cause: 'A dependency update raised the bcrypt cost factor from 10 to 14.',
    resolution:
      'Set the cost factor to 12 explicitly and load tested the login flow.',
    workaround: 'Scaled auth-service to twice the usual replicas.',
  },
  {
    key: 'auth-token-500',
    entityRef: AUTH,
    category: 'availability',
    alert: 'AuthHigh5xxRate',
    title: m =>
      `auth-service token endpoint returns HTTP 500 for ${m.pct}% of requests`,
    description: () =>
      'Token refreshes fail and signed-in customers are logged out; auth-service logs show lock wait timeouts on the sessions table.',
    cause:
      'A schema migration on the sessions table took a lock for several minutes.',
    resolution:
      'Finished the migration off-peak and switched the migration tool to online schema changes.',
  },
  {
    key: 'auth-admin-logins',
    entityRef: AUTH,
    category: 'security',
    title: () => 'Unusual failed logins on staff admin accounts',
    description: () =>
      'Security monitoring reports repeated failed logins on three staff admin accounts from an unknown network.',
    cause: 'A password spraying attempt against staff accounts.',
    resolution:
      'Blocked the source network, confirmed no account was accessed and enforced hardware keys for admin accounts.',
  },
  {
    key: 'telemetry-spans',
    entityRef: TELEMETRY,
    category: 'configuration',
    title: () => 'telemetry-lib drops spans with more than 128 attributes',
    description: () =>
      'Traces from checkout-api miss their database spans since the telemetry-lib upgrade; the library logs "attribute limit exceeded".',
    cause: 'The new telemetry-lib default limits spans to 128 attributes.',
    resolution:
      'Raised the attribute limit in the shared configuration and documented it.',
  },
  {
    key: 'telemetry-metric-names',
    entityRef: TELEMETRY,
    category: 'deployment',
    title: () =>
      'telemetry-lib upgrade renamed HTTP metrics and broke dashboards',
    description: () =>
      'Latency and error panels are empty for services upgraded to the latest telemetry-lib; alerts on those metrics would not fire.',
    cause:
      'The upgrade followed the new semantic conventions and renamed http_server_duration.',
    resolution:
      'Enabled the compatibility flag that emits both names and migrated dashboards and alerts.',
  },
  {
    key: 'orders-db-disk',
    entityRef: ORDERS_DB,
    category: 'capacity',
    alert: 'PostgresDiskUsageHigh',
    title: () => 'orders-db disk usage above 85%',
    description: () =>
      'The orders-db volume grew 6% in a week; at this rate it fills up within ten days.',
    cause: 'Audit rows were no longer purged after a cron job was removed.',
    resolution: 'Restored the purge job and resized the volume with headroom.',
  },
  {
    key: 'orders-db-replica-lag',
    entityRef: ORDERS_DB,
    category: 'performance',
    alert: 'PostgresReplicationLag',
    title: m => `orders-db replica lag above ${m.minutes} seconds`,
    description: () =>
      'The read replica lags behind the primary, so order history shows orders late.',
    cause: 'A bulk backfill wrote more WAL than the replica could apply.',
    resolution: 'Throttled the backfill and moved it to the night.',
  },
  {
    key: 'payments-db-backup',
    entityRef: PAYMENTS_DB,
    category: 'configuration',
    alert: 'BackupJobFailed',
    title: () => 'payments-db nightly backup failed',
    description: () =>
      'The nightly base backup of payments-db failed with "permission denied" writing to the backup bucket.',
    cause: 'The backup role lost write access during a bucket policy clean-up.',
    resolution:
      'Restored the bucket policy, ran the backup by hand and added a restore test.',
  },
  {
    key: 'payments-db-slow',
    entityRef: PAYMENTS_DB,
    category: 'performance',
    alert: 'PostgresSlowQueries',
    title: m => `payments-db slow queries on settlements take ${m.seconds}s`,
    description: () =>
      'Queries on the settlements table are slow since the weekend; the planner switched to a sequential scan.',
    cause: 'Table statistics were stale after a bulk import.',
    resolution:
      'Analysed the table and tuned autovacuum thresholds for the settlements table.',
  },
  {
    key: 'event-bus-under-replicated',
    entityRef: EVENT_BUS,
    category: 'availability',
    alert: 'KafkaUnderReplicatedPartitions',
    title: () => 'event-bus broker 3 has under-replicated partitions',
    description: () =>
      'Broker 3 dropped out of the in-sync replicas for 40 partitions; producers with acks=all see rising latency.',
    cause: 'The disk of broker 3 degraded and slowed down writes.',
    resolution: 'Replaced the broker volume and reassigned its partitions.',
  },
  {
    key: 'event-bus-disk',
    entityRef: EVENT_BUS,
    category: 'capacity',
    alert: 'KafkaDiskUsageHigh',
    title: () => 'event-bus disk usage above 80% on two brokers',
    description: () =>
      'Two brokers are above 80% disk usage because of a topic with unlimited retention.',
    cause: 'A new audit topic was created without a retention setting.',
    resolution:
      'Set a 7-day retention on the audit topic and enforced retention in the topic template.',
  },
  {
    key: 'redis-memory',
    entityRef: REDIS,
    category: 'capacity',
    alert: 'RedisMemoryHigh',
    title: () => 'redis-cache memory at 95% of maxmemory',
    description: () =>
      'redis-cache is close to maxmemory; eviction counters started rising.',
    cause: 'A batch job wrote large keys without a TTL.',
    resolution: 'Deleted the keys and added a TTL to the batch job.',
  },
  {
    key: 'redis-replica',
    entityRef: REDIS,
    category: 'availability',
    alert: 'RedisReplicaDown',
    title: () => 'redis-cache replica out of sync after network blip',
    description: () =>
      'The redis-cache replica lost its link to the primary and keeps restarting the full sync.',
    cause:
      'The replication backlog is too small for a full sync of the current data set.',
    resolution:
      'Raised the replication backlog and client output buffer limits for replicas.',
  },
];
