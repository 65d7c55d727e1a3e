import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { SlaClockKeeper } from './SlaClockKeeper';
import { checkSlaClocks } from './checkSlaClocks';

/** Id of the scheduled task that marks warnings and breaches. */
export const SLA_TASK_ID = 'itsm-sla-clocks';

/**
 * Runs the SLA check every minute on one instance at a time, when SLA
 * targets are configured.
 */
export async function scheduleSlaChecks(options: {
  db: Knex;
  keeper: SlaClockKeeper;
  scheduler: SchedulerService;
  logger: LoggerService;
}): Promise<void> {
  const { db, keeper, scheduler, logger } = options;
  if (!keeper.enabled) {
    return;
  }
  await scheduler.scheduleTask({
    id: SLA_TASK_ID,
    scope: 'global',
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 15 },
    fn: async () => {
      const checked = await checkSlaClocks({ db, keeper, now: Date.now() });
      if (checked > 0) {
        logger.debug(`Checked the SLA clocks of ${checked} incidents`);
      }
    },
  });
}
