// PagerDuty Events v2, one event per request as PagerDuty senders send.
import { eventsV2Deliveries } from '../lib/alertLoad.mjs';
import { measureIngestion } from '../lib/ingestCase.mjs';

export default {
  id: 'pagerduty',
  title: 'Alert ingestion: PagerDuty Events v2, one event per request',
  async run(ctx) {
    return [
      await measureIngestion(ctx, {
        name: 'Events v2, one event per request',
        make: storm => eventsV2Deliveries(storm),
        target: (rate, noopRate) => ({
          text: '≥ 1,000 events/s and ≥ half the no-op rate',
          met: rate >= 1000 && rate >= noopRate / 2,
        }),
      }),
    ];
  },
};
