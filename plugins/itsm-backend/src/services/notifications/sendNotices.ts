import { NotificationService } from '@backstage/plugin-notifications-node';
import { Notice } from './notice';

/** What went out and what failed, so a retry sends only the rest. */
export interface SendResult {
  sent: string[];
  failures: Array<{ key: string; error: Error }>;
}

/** Sends notices a few at a time; a failure does not stop the others. */
export async function sendNotices(options: {
  notifications: NotificationService;
  notices: Notice[];
  concurrency: number;
}): Promise<SendResult> {
  const { notifications, notices, concurrency } = options;
  const result: SendResult = { sent: [], failures: [] };
  let next = 0;
  async function worker() {
    while (next < notices.length) {
      const notice = notices[next++];
      try {
        await notifications.send({
          recipients: {
            type: 'entity',
            entityRef: notice.recipients,
            excludeEntityRef: notice.exclude,
          },
          payload: {
            title: notice.title,
            description: notice.description,
            link: notice.link,
            severity: notice.severity,
            topic: notice.kind,
            scope: notice.scope,
          },
        });
        result.sent.push(notice.key);
      } catch (error) {
        result.failures.push({ key: notice.key, error: error as Error });
      }
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(concurrency, notices.length) }, worker),
  );
  return result;
}
