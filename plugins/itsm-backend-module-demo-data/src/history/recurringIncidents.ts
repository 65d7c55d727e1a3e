import { IncidentTemplate } from './incidentScenarios';

/** Incidents that keep coming back until a problem's root cause is removed. */
export const RECURRING_TEMPLATES = {
  poolCheckout: {
    key: 'pool-checkout',
    entityRef: 'component:default/checkout-api',
    category: 'capacity',
    alert: 'CheckoutDbPoolSaturated',
    title: m =>
      `Connection pool exhausted on checkout-api: ${m.pct}% of requests time out`,
    description: () =>
      'checkout-api logs "timeout acquiring connection from pool" and checkout fails; orders-db shows many sessions idle in transaction.',
    cause:
      'All connections to orders-db were held by sessions idle in transaction.',
    resolution: 'Pool recovered after the blocking sessions ended.',
    workaround:
      'Terminated the order-reports sessions on orders-db and restarted PgBouncer.',
  },
  poolOrders: {
    key: 'pool-orders',
    entityRef: 'component:default/order-service',
    category: 'capacity',
    alert: 'OrdersDbPoolSaturated',
    title: m =>
      `order-service connection pool exhausted; order placement times out for ${m.pct}% of orders`,
    description: () =>
      'order-service cannot get a database connection within 5 seconds; orders stay in "payment authorised" and customers retry.',
    cause: 'The order-service pool to orders-db was exhausted at peak.',
    resolution: 'Pool recovered after the blocking sessions ended.',
    workaround:
      'Terminated the order-reports sessions on orders-db and restarted PgBouncer.',
  },
  tokenCart: {
    key: 'token-cart',
    entityRef: 'component:default/cart-service',
    category: 'dependency',
    alert: 'CartHigh401Rate',
    title: m =>
      `Token validation failing on cart-service: ${m.pct}% of requests rejected with 401`,
    description: () =>
      'Signed-in shoppers lose their cart session; cart-service logs "no matching key for kid".',
    cause: 'cart-service could not validate tokens signed with the new key.',
    resolution: 'Refreshed the signing keys cached by cart-service.',
    workaround: 'Restarted cart-service to reload the signing keys.',
  },
  tokenCheckout: {
    key: 'token-checkout',
    entityRef: 'component:default/checkout-api',
    category: 'dependency',
    alert: 'CheckoutHigh401Rate',
    title: m =>
      `Token validation failing on checkout-api: ${m.pct}% of checkouts rejected with 401`,
    description: () =>
      'Shoppers are sent back to the login page at checkout; checkout-api logs "no matching key for kid".',
    cause: 'checkout-api could not validate tokens signed with the new key.',
    resolution: 'Refreshed the signing keys cached by checkout-api.',
    workaround: 'Restarted checkout-api to reload the signing keys.',
  },
  tokenPayments: {
    key: 'token-payments',
    entityRef: 'component:default/payments-api',
    category: 'dependency',
    alert: 'PaymentsHigh401Rate',
    title: m =>
      `Token validation failing on payments-api: ${m.pct}% of payment calls rejected with 401`,
    description: () =>
      'Service-to-service calls from checkout-api to payments-api fail authentication after the key rotation.',
    cause: 'payments-api could not validate tokens signed with the new key.',
    resolution: 'Refreshed the signing keys cached by payments-api.',
    workaround: 'Restarted payments-api to reload the signing keys.',
  },
  tokenGateway: {
    key: 'token-gateway',
    entityRef: 'component:default/api-gateway',
    category: 'dependency',
    alert: 'GatewayHigh401Rate',
    title: m =>
      `api-gateway rejects ${m.pct}% of authenticated requests with 401`,
    description: () =>
      'The gateway token check fails for customers who signed in within the last hour.',
    cause: 'api-gateway could not validate tokens signed with the new key.',
    resolution: 'Refreshed the signing keys cached by api-gateway.',
    workaround: 'Reloaded the gateway JWKS cache.',
  },
  lagLedger: {
    key: 'lag-ledger',
    entityRef: 'component:default/ledger-service',
    category: 'performance',
    alert: 'LedgerConsumerLag',
    title: m =>
      `Ledger postings delayed: consumer lag on payment-events above ${
        m.count * 100
      } messages`,
    description: m =>
      `ledger-service is ${m.minutes} minutes behind on payment-events; balances shown to finance are stale.`,
    cause: 'The ledger consumer group kept rebalancing on event-bus.',
    resolution: 'Consumer group stabilised and the lag drained.',
    workaround: 'Scaled the ledger consumer group to one pod per partition.',
  },
  lagNotifications: {
    key: 'lag-notifications',
    entityRef: 'component:default/notification-service',
    category: 'performance',
    alert: 'NotificationConsumerLag',
    title: m =>
      `Order confirmation emails delayed by ${m.minutes} minutes (event-bus consumer lag)`,
    description: () =>
      'Customers receive order confirmations late; the notification consumer group on order-events is rebalancing repeatedly.',
    cause: 'The notification consumer group kept rebalancing on event-bus.',
    resolution: 'Consumer group stabilised and the backlog was sent.',
    workaround:
      'Paused the digest consumer so the confirmation consumer gets the partitions.',
  },
  lagFraud: {
    key: 'lag-fraud',
    entityRef: 'component:default/fraud-detector',
    category: 'performance',
    alert: 'FraudConsumerLag',
    title: m => `fraud-detector consumer lag above ${m.count * 10} messages`,
    description: () =>
      'Post-authorisation fraud checks run late, so suspicious orders may ship before review.',
    cause: 'The fraud consumer group kept rebalancing on event-bus.',
    resolution: 'Consumer group stabilised and the lag drained.',
    workaround: 'Scaled the fraud consumer group to one pod per partition.',
  },
  evictCart: {
    key: 'evict-cart',
    entityRef: 'component:default/cart-service',
    category: 'capacity',
    title: m => `Carts emptied for ${m.count} shoppers after cache evictions`,
    description: () =>
      'Shoppers report empty carts after browsing; redis-cache evicted cart keys under memory pressure.',
    cause: 'redis-cache evicted cart keys when it reached maxmemory.',
    resolution: 'Memory pressure went down after the search cache expired.',
    workaround: 'Flushed the search result cache namespace to free memory.',
  },
  evictSearch: {
    key: 'evict-search',
    entityRef: 'component:default/catalog-search',
    category: 'capacity',
    alert: 'SearchCacheMissRate',
    title: m => `Search latency p99 above ${m.seconds}s on cache misses`,
    description: () =>
      'The search result cache hit rate fell from 85% to 20% and queries go to the index.',
    cause: 'redis-cache evicted search result keys under memory pressure.',
    resolution: 'Hit rate recovered once memory pressure went down.',
    workaround: 'Flushed the search result cache namespace to free memory.',
  },
  evictFraud: {
    key: 'evict-fraud',
    entityRef: 'component:default/fraud-detector',
    category: 'capacity',
    alert: 'FraudFallbackRate',
    title: m => `Fraud scoring falls back to rules for ${m.pct}% of payments`,
    description: () =>
      'fraud-detector cannot read customer features from redis-cache and scores with the fallback rules, which decline more good payments.',
    cause: 'Customer feature keys were evicted from redis-cache.',
    resolution: 'Features were rebuilt from the feature store.',
    workaround: 'Triggered a feature cache rebuild.',
  },
  ledgerReconciliation: {
    key: 'ledger-reconciliation',
    entityRef: 'component:default/ledger-service',
    category: 'performance',
    alert: 'LedgerReconciliationLate',
    title: m => `Ledger reconciliation job lagging ${m.minutes} minutes`,
    description: () =>
      'The month-end reconciliation on ledger-service is still running; finance cannot close the books until it finishes.',
    cause:
      'The reconciliation queries on payments-db slow down as the month grows.',
    resolution: 'The job finished; finance received the report.',
  },
  searchLatency: {
    key: 'search-latency',
    entityRef: 'component:default/catalog-search',
    category: 'performance',
    alert: 'SearchSlow',
    title: m => `Search latency p99 above ${m.seconds}s`,
    description: () =>
      'Search p99 latency rose from 400 ms; category pages time out for some shoppers.',
    cause: 'Expensive wildcard queries from autocomplete overloaded the index.',
    resolution: 'Latency returned to normal after the query spike.',
    workaround: 'Disabled wildcard suggestions in autocomplete.',
  },
  reloadGatewayMajor: {
    key: 'reload-gateway-major',
    entityRef: 'component:default/api-gateway',
    category: 'availability',
    alert: 'GatewayHigh5xxRate',
    title: m =>
      `Checkout unavailable: api-gateway returns HTTP 502 for ${m.pct}% of requests`,
    description: () =>
      'Every gateway node returns 502 for most requests after a routing configuration change; the storefront cannot complete any checkout.',
    cause:
      'A configuration reload on all gateway nodes at once reset every upstream connection and the nodes fell into a reconnect storm.',
    resolution:
      'Reverted the routing change and restarted gateway nodes one by one.',
    workaround: 'Reverted the routing configuration change.',
  },
  reloadGateway: {
    key: 'reload-gateway',
    entityRef: 'component:default/api-gateway',
    category: 'availability',
    alert: 'GatewayHigh5xxRate',
    title: m =>
      `api-gateway resets connections during config reload: ${m.pct}% of requests fail`,
    description: () =>
      'A burst of HTTP 502 lasting about a minute, right after a gateway configuration reload.',
    cause:
      'In-flight requests were dropped when the gateway reloaded its configuration.',
    resolution: 'Errors stopped once the reload finished.',
  },
  reloadStorefront: {
    key: 'reload-storefront',
    entityRef: 'component:default/storefront-web',
    category: 'availability',
    title: m =>
      `Storefront shows "Something went wrong" for ${m.pct}% of page loads`,
    description: () =>
      'Shoppers report an error page that goes away on refresh; it lines up with a gateway configuration reload.',
    cause: 'api-gateway dropped requests while reloading its configuration.',
    resolution: 'Errors stopped once the gateway reload finished.',
  },
  deployCheckout: {
    key: 'deploy-checkout',
    entityRef: 'component:default/checkout-api',
    category: 'deployment',
    alert: 'CheckoutHigh5xxRate',
    title: m =>
      `Checkout returns HTTP 503 for ${m.pct}% of requests during deployment`,
    description: () =>
      'A burst of HTTP 503 on POST /checkout that lasts about 30 seconds, during the checkout-api rollout.',
    cause: 'Pods were stopped while still receiving traffic.',
    resolution: 'Errors stopped when the rollout finished.',
    workaround: 'Redeployed outside peak hours with maxUnavailable 0.',
  },
  deployStorefront: {
    key: 'deploy-storefront',
    entityRef: 'component:default/storefront-web',
    category: 'deployment',
    title: () => 'Storefront "Place order" errors during checkout-api rollout',
    description: () =>
      'Customer service received complaints about failed orders at the same time as a checkout-api deployment.',
    cause: 'checkout-api dropped requests during its rollout.',
    resolution:
      'Affected customers were contacted; errors stopped after the rollout.',
  },
  fraudTimeoutPayments: {
    key: 'fraud-timeout-payments',
    entityRef: 'component:default/payments-api',
    category: 'performance',
    alert: 'PaymentsDeclineRate',
    title: m =>
      `Payments declined: fraud-detector timeouts for ${m.pct}% of authorisations`,
    description: () =>
      'payments-api declines payments whose fraud score does not arrive in time; the decline rate is well above normal.',
    cause: 'fraud-detector answered slower than the payments-api timeout.',
    resolution: 'fraud-detector latency returned to normal.',
    workaround: 'Enabled fail-open for fraud scores on small amounts.',
  },
  fraudSlow: {
    key: 'fraud-slow',
    entityRef: 'component:default/fraud-detector',
    category: 'performance',
    alert: 'FraudScoringSlow',
    title: m => `Fraud scoring p99 above ${m.ms} ms`,
    description: () =>
      'Fraud scoring latency rose; traces show feature lookups missing the cache.',
    cause: 'Feature lookups missed the cache and went to the feature store.',
    resolution: 'Latency returned to normal once the cache warmed up.',
    workaround: 'Enabled fail-open for fraud scores on small amounts.',
  },
  smsThrottled: {
    key: 'sms-throttled',
    entityRef: 'component:default/notification-service',
    category: 'dependency',
    alert: 'SmsProviderThrottling',
    title: m => `SMS provider returning HTTP 429 for ${m.pct}% of messages`,
    description: () =>
      'Delivery SMS are rejected with 429 during the sale; the retry queue is growing.',
    cause: 'We exceeded the SMS provider rate limit of our contract.',
    resolution: 'The queue drained after the sale peak.',
  },
  mobileCancels: {
    key: 'mobile-499',
    entityRef: 'component:default/api-gateway',
    category: 'performance',
    title: m => `HTTP 499 spike from mobile clients on /v1/catalog (${m.pct}%)`,
    description: () =>
      'Mobile app requests are cancelled by the client before the gateway answers; the web storefront is not affected.',
    cause: 'Unknown; the spikes stopped on their own.',
    resolution: 'Spike ended on its own; no change made.',
  },
  cartMemory: {
    key: 'cart-memory',
    entityRef: 'component:default/cart-service',
    category: 'capacity',
    alert: 'CartMemoryHigh',
    title: () => 'cart-service memory keeps growing after deploy',
    description: () =>
      'cart-service memory grows steadily for hours after each deploy; we suspect a leak.',
    cause: 'Memory growth after start-up.',
    resolution: 'Memory stopped growing at about 2 GB.',
  },
  oomOrders: {
    key: 'oom-orders',
    entityRef: 'component:default/order-service',
    category: 'capacity',
    alert: 'PodOOMKilled',
    title: m => `order-service pods OOMKilled every ${m.hours} hours`,
    description: () =>
      'order-service memory grows steadily until the pods are killed; each restart fails in-flight orders.',
    cause: 'Memory grew without bound until the OOM killer restarted the pods.',
    resolution: 'Memory growth stopped after the collector came back.',
    workaround: 'Restarted the pods.',
  },
  oomCheckout: {
    key: 'oom-checkout',
    entityRef: 'component:default/checkout-api',
    category: 'capacity',
    alert: 'PodOOMKilled',
    title: () => 'checkout-api pods restarted by the OOM killer',
    description: () =>
      'Several checkout-api pods were OOMKilled in the last hour; checkouts in flight failed.',
    cause: 'Memory grew without bound until the OOM killer restarted the pods.',
    resolution: 'Memory growth stopped after the collector came back.',
    workaround: 'Restarted the pods.',
  },
  oomPayments: {
    key: 'oom-payments',
    entityRef: 'component:default/payments-api',
    category: 'capacity',
    alert: 'PodOOMKilled',
    title: () => 'payments-api memory climbing until pods restart',
    description: () =>
      'payments-api memory rises by about 200 MB an hour and pods restart; a few payments time out at each restart.',
    cause: 'Memory grew without bound until the OOM killer restarted the pods.',
    resolution: 'Memory growth stopped after the collector came back.',
    workaround: 'Restarted the pods.',
  },
  threeDsTimeouts: {
    key: 'payments-3ds-timeouts',
    entityRef: 'component:default/payments-api',
    category: 'dependency',
    alert: 'ThreeDsTimeouts',
    title: m =>
      `Payment provider timing out on 3-D Secure challenges for ${m.pct}% of payments`,
    description: () =>
      "Card payments that need a 3-D Secure challenge time out at the provider's directory server; shoppers see a failed payment.",
    cause: "The provider's 3-D Secure directory server was degraded.",
    resolution: 'The provider recovered.',
    workaround:
      'Exempted low-value payments from 3-D Secure where regulation allows.',
  },
} satisfies Record<string, IncidentTemplate>;
