import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ChangeCorrelator } from './ChangeCorrelator';
import { ChangeIngestService } from './ChangeIngestService';

/**
 * Correlates new incidents with the changes before them every minute, and
 * deletes changes past their retention every hour, each on one backend
 * instance at a time.
 */
export async function scheduleChangeTasks(options: {
  scheduler: SchedulerService;
  correlator: ChangeCorrelator;
  changes: ChangeIngestService;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, correlator, changes, logger } = options;
  await scheduler.scheduleTask({
    id: 'itsm-change-correlation',
    frequency: { minutes: 1 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 20 },
    fn: async () => {
      const correlated = await correlator.run();
      if (correlated > 0) {
        logger.info(`Correlated ${correlated} incidents with their changes`);
      }
    },
  });
  await scheduler.scheduleTask({
    id: 'itsm-change-pruning',
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const pruned = await changes.prune();
      if (pruned > 0) {
        logger.info(`Pruned ${pruned} change events past their retention`);
      }
    },
  });
}
