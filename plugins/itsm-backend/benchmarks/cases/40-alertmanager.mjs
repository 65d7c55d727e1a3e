// Alertmanager webhooks of 1, 10 and 100 alerts, every alert replayed.
import { alertmanagerDeliveries } from '../lib/alertLoad.mjs';
import { measureIngestion } from '../lib/ingestCase.mjs';

export default {
  id: 'alertmanager',
  title: 'Alert ingestion: Alertmanager webhooks in batches of 1, 10 and 100',
  async run(ctx) {
    const rows = [];
    for (const batch of [1, 10, 100]) {
      const row = await measureIngestion(ctx, {
        name: `Alertmanager, batches of ${batch}`,
        make: storm => alertmanagerDeliveries({ ...storm, batch }),
        target:
          batch === 10
            ? rate => ({ text: '≥ 3,000 alerts/s', met: rate >= 3000 })
            : undefined,
      });
      if (batch === 10) ctx.shared.alertmanagerBatch10Rate = row.rate;
      rows.push(row);
    }
    return rows;
  },
};
