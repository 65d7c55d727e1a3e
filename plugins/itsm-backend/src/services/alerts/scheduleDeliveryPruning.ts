import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { AlertIngestService } from './AlertIngestService';

/**
 * Deletes raw alert deliveries past their retention every hour, on one
 * backend instance at a time.
 */
export async function scheduleDeliveryPruning(options: {
  scheduler: SchedulerService;
  alerts: AlertIngestService;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, alerts, logger } = options;
  await scheduler.scheduleTask({
    id: 'itsm-alert-delivery-pruning',
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const pruned = await alerts.pruneDeliveries();
      if (pruned > 0) {
        logger.info(`Pruned ${pruned} alert deliveries past their retention`);
      }
    },
  });
}
