// The Alertmanager storm of batches of 10 spread over two backend instances
// sharing the database: no alert lost or duplicated, and no slower than one.
import { alertmanagerDeliveries } from '../lib/alertLoad.mjs';
import { measureIngestion } from '../lib/ingestCase.mjs';

export default {
  id: 'two-instances',
  title: 'Alert ingestion over two backend instances sharing the database',
  async run(ctx) {
    const b = await ctx.second();
    const single = ctx.shared.alertmanagerBatch10Rate;
    return [
      await measureIngestion(ctx, {
        name: 'Alertmanager, batches of 10, two instances',
        make: storm => alertmanagerDeliveries({ ...storm, batch: 10 }),
        instances: [ctx.a, b],
        target: rate => ({
          text: single
            ? `no loss or duplicate, ≥ one instance (${Math.round(
                single,
              )} alerts/s)`
            : 'no loss or duplicate, ≥ one instance (not measured: run the alertmanager case too)',
          met: single !== undefined && rate >= single,
        }),
      }),
    ];
  },
};
