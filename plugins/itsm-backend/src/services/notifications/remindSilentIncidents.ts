import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import {
  claimCadenceReminder,
  listSilentP1Incidents,
  releaseCadenceReminder,
} from '../../database/cadenceReminders';
import { planCadenceReminder } from './planCadenceReminder';
import { sendNotices } from './sendNotices';

/**
 * Reminds the assignee of each open P1 without a public update for
 * `cadenceMs`, once per silence: a new public update starts a new one.
 * Returns how many were reminded.
 */
export async function remindSilentIncidents(options: {
  db: Knex;
  notifications: NotificationService;
  logger: LoggerService;
  cadenceMs: number;
  now: number;
}): Promise<number> {
  const { db, notifications, logger, cadenceMs, now } = options;
  const silent = await listSilentP1Incidents(db, {
    silentSince: now - cadenceMs,
  });
  let reminded = 0;
  for (const incident of silent) {
    const claim = {
      incidentId: incident.id,
      silenceSince: incident.silenceSince,
    };
    if (!(await claimCadenceReminder(db, { ...claim, now }))) {
      continue;
    }
    const { failures } = await sendNotices({
      notifications,
      notices: [planCadenceReminder({ incident, now })],
      concurrency: 1,
    });
    if (failures.length > 0) {
      logger.warn(
        `Could not remind of the silence of ITSM incident ${incident.id}, retrying on the next run: ${failures[0].error}`,
      );
      await releaseCadenceReminder(db, claim);
      continue;
    }
    reminded++;
  }
  return reminded;
}
