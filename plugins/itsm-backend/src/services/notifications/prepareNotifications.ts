import {
  AuthService,
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import { readNotificationConfig } from './notificationConfig';
import { OutboxDispatcher } from './OutboxDispatcher';
import { remindSilentIncidents } from './remindSilentIncidents';
import { sendOverdueDigest } from './sendOverdueDigest';

/** Ids of the scheduled tasks, each run on one instance at a time. */
export const NOTIFICATION_TASK_IDS = {
  outbox: 'itsm-notification-outbox',
  cadence: 'itsm-incident-cadence',
  digest: 'itsm-action-items-overdue-digest',
};

/**
 * Reads the notification settings (a bad value fails start-up) and returns
 * the function that starts the outbox dispatcher and the scheduled
 * reminders, to call once the database is migrated.
 */
export function prepareNotifications(options: {
  db: Knex;
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  notifications?: NotificationService;
  signals?: SignalsService;
}): () => Promise<void> {
  const { db, scheduler, logger, notifications } = options;
  const config = readNotificationConfig(options.config);
  const dispatcher = new OutboxDispatcher({ ...options, config });
  const sending = config.enabled ? notifications : undefined;
  return async () => {
    const stop = dispatcher.listen();
    options.lifecycle.addShutdownHook(stop);
    dispatcher.kick();
    // Picks up what another instance left behind, and retries.
    await scheduler.scheduleTask({
      id: NOTIFICATION_TASK_IDS.outbox,
      scope: 'global',
      frequency: { seconds: 10 },
      timeout: { minutes: 10 },
      fn: () => dispatcher.drain(),
    });
    if (sending && config.kinds.has('incident-cadence')) {
      await scheduler.scheduleTask({
        id: NOTIFICATION_TASK_IDS.cadence,
        scope: 'global',
        frequency: { minutes: 1 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 30 },
        fn: async () => {
          const reminded = await remindSilentIncidents({
            db,
            notifications: sending,
            logger,
            cadenceMs: config.cadenceMs,
            now: Date.now(),
          });
          if (reminded > 0) {
            logger.info(`Reminded ${reminded} silent P1 incidents`);
          }
        },
      });
    }
    if (sending && config.kinds.has('action-items-overdue')) {
      await scheduler.scheduleTask({
        id: NOTIFICATION_TASK_IDS.digest,
        scope: 'global',
        frequency: { cron: '0 8 * * *' },
        timeout: { minutes: 15 },
        fn: async () => {
          const sent = await sendOverdueDigest({
            db,
            notifications: sending,
            logger,
            now: Date.now(),
          });
          logger.info(`Sent ${sent} overdue action item digests`);
        },
      });
    }
  };
}
