import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { listOverdueActionItems } from '../../database/overdueActionItems';
import { planOverdueDigest } from './planOverdueDigest';
import { sendNotices } from './sendNotices';

/** Sends each owner of overdue action items one digest; returns how many went out. */
export async function sendOverdueDigest(options: {
  db: Knex;
  notifications: NotificationService;
  logger: LoggerService;
  now: number;
}): Promise<number> {
  const { db, notifications, logger, now } = options;
  const items = await listOverdueActionItems(db, { now });
  const { sent, failures } = await sendNotices({
    notifications,
    notices: planOverdueDigest({ items, now }),
    concurrency: 4,
  });
  for (const failure of failures) {
    logger.warn(
      `Could not send the overdue action item digest ${failure.key}: ${failure.error}`,
    );
  }
  return sent.length;
}
