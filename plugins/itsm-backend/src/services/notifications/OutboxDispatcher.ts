import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import {
  OutboxEntry,
  claimOutbox,
  completeOutbox,
  onOutboxCommitted,
  retryOutbox,
} from '../../database/outbox';
import { loadChange } from './loadChange';
import { NotificationConfig } from './notificationConfig';
import { planChangeNotices } from './planChangeNotices';
import { recordSignals } from './recordSignals';
import { sendNotices } from './sendNotices';

const SIGNALS_KEY = 'signals';
const BATCH = 20;

/** Tuning of the dispatcher; the defaults suit production. */
export interface DispatcherTuning {
  /** How long a claimed row stays with this instance. */
  leaseMs: number;
  /** Attempts before a row is given up with an error log. */
  maxAttempts: number;
  /** First retry delay; doubles with each attempt, up to an hour. */
  retryBaseMs: number;
  /** Notifications sent at once. */
  concurrency: number;
}

const DEFAULT_TUNING: DispatcherTuning = {
  leaseMs: 5 * 60_000,
  maxAttempts: 8,
  retryBaseMs: 10_000,
  concurrency: 8,
};

/**
 * Sends what committed changes should tell, from the outbox: signals for
 * live views and Backstage notifications. It runs after the commit, off the
 * request path, so a failed send never fails or undoes the change; failures
 * are retried with back-off, keeping track of what already went out.
 */
export class OutboxDispatcher {
  private readonly tuning: DispatcherTuning;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly deps: {
      db: Knex;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      config: NotificationConfig;
      notifications?: NotificationService;
      signals?: SignalsService;
      now?: () => number;
      tuning?: Partial<DispatcherTuning>;
    },
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  }

  /** Dispatches after every commit in this process; returns the stop function. */
  listen(): () => void {
    return onOutboxCommitted(() => this.kick());
  }

  /** Starts a drain on the next turn of the event loop, off the caller's path. */
  kick(): void {
    setImmediate(() => {
      this.drain().catch(error =>
        this.deps.logger.error(`ITSM outbox dispatch failed: ${error}`),
      );
    });
  }

  /** Dispatches every due outbox row; concurrent calls share one run. */
  async drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (await this.dispatchBatch()) {
            // claim the next batch
          }
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private async dispatchBatch(): Promise<boolean> {
    const entries = await claimOutbox(this.deps.db, {
      now: this.now(),
      limit: BATCH,
      leaseMs: this.tuning.leaseMs,
    });
    for (const entry of entries) {
      await this.dispatch(entry);
    }
    return entries.length > 0;
  }

  private async dispatch(entry: OutboxEntry): Promise<void> {
    const { db, logger } = this.deps;
    const sent = new Set(entry.sentKeys);
    const errors: string[] = [];
    try {
      const change = await loadChange(db, entry);
      if (change) {
        if (this.deps.signals && !sent.has(SIGNALS_KEY)) {
          await Promise.all(
            recordSignals(change).map(signal =>
              this.deps.signals!.publish(signal),
            ),
          );
          sent.add(SIGNALS_KEY);
        }
        if (this.deps.notifications && this.deps.config.enabled) {
          const notices = await planChangeNotices({ ...this.deps, change });
          const result = await sendNotices({
            notifications: this.deps.notifications,
            notices: notices.filter(notice => !sent.has(notice.key)),
            concurrency: this.tuning.concurrency,
          });
          result.sent.forEach(key => sent.add(key));
          errors.push(
            ...result.failures.map(f => `${f.key}: ${f.error.message}`),
          );
        }
      }
    } catch (error) {
      errors.push(String(error));
    }
    if (errors.length === 0) {
      await completeOutbox(db, entry.id);
      return;
    }
    const attempts = entry.attempts + 1;
    const what = `ITSM ${entry.recordType} ${entry.recordId} notices (attempt ${attempts})`;
    if (attempts >= this.tuning.maxAttempts) {
      logger.error(`Gave up sending ${what}: ${errors.join('; ')}`);
      await completeOutbox(db, entry.id);
      return;
    }
    const delay = Math.min(
      this.tuning.retryBaseMs * 2 ** (attempts - 1),
      60 * 60_000,
    );
    logger.warn(
      `Could not send ${what}, retrying in ${Math.round(
        delay / 1000,
      )}s: ${errors.join('; ')}`,
    );
    await retryOutbox(db, {
      id: entry.id,
      attempts,
      nextAttemptAt: this.now() + delay,
      sentKeys: [...sent],
      error: errors.join('; '),
    });
  }
}
