import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  ChangeIngestResult,
  changeBody,
  itsmChangeIngestPermission,
  pagerDutyChangeBody,
} from '@backstage-itsm/plugin-itsm-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { insertChange } from '../../database/changes/insertChange';
import { pruneChanges } from '../../database/changes/pruneChanges';
import { isTransientDatabaseError } from '../../database/databaseErrors';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { ResolvedEntity } from '../../shared/catalogEntities';
import { withoutNul } from '../../shared/nulCharacters';
import { parseBody } from '../../shared/parseInput';
import { ChangeConfig } from './changeConfig';
import {
  IncomingChange,
  fromChangeBody,
  fromPagerDutyChange,
} from './incomingChange';

/** Finds the entity of a change by the alert routing rules. */
export interface ChangeRouter {
  resolve(labels: Record<string, string>): Promise<ResolvedEntity | undefined>;
}

/**
 * Stores change events from deploy pipelines. A change that matches no
 * routing rule is kept unrouted, never dropped; a sender's key makes retries
 * idempotent, and the answer comes only after the commit.
 */
export class ChangeIngestService {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      router: ChangeRouter;
      config: ChangeConfig;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** Ingests a change of `POST /changes`. */
  async ingest(received: unknown, caller: Caller): Promise<ChangeIngestResult> {
    await this.requireIngest(caller);
    const body = parseBody(changeBody, withoutNul(received));
    return this.store(fromChangeBody(body, this.now()), caller);
  }

  /** Ingests a PagerDuty Change Events API event. */
  async ingestPagerDuty(
    received: unknown,
    caller: Caller,
  ): Promise<ChangeIngestResult> {
    await this.requireIngest(caller);
    const event = parseBody(pagerDutyChangeBody, withoutNul(received));
    return this.store(fromPagerDutyChange(event, this.now()), caller);
  }

  /** Deletes changes that happened before the configured retention. */
  async prune(): Promise<number> {
    return pruneChanges(
      this.deps.db,
      this.now() - this.deps.config.retentionMs,
    );
  }

  private async requireIngest(caller: Caller) {
    await this.deps.authorizer.require(
      itsmChangeIngestPermission,
      caller.credentials,
    );
  }

  private async store(
    change: IncomingChange,
    caller: Caller,
  ): Promise<ChangeIngestResult> {
    // The catalog is read before the transaction, never while it is open.
    const route = await this.deps.router.resolve(change.labels);
    try {
      const { row, duplicate } = await this.deps.db.transaction(tx =>
        insertChange(tx, {
          id: randomUUID(),
          source: change.source,
          dedup_key: change.dedupKey,
          entity_ref: route?.entityRef ?? null,
          owner_ref: route?.ownerRef ?? null,
          kind: change.kind,
          summary: change.summary,
          version: change.version,
          author: change.author,
          links: JSON.stringify(change.links),
          labels: JSON.stringify(change.labels),
          occurred_at: change.occurredAt,
          received_at: this.now(),
          actor_ref: caller.actorRef,
          failed_at: null,
        }),
      );
      return { id: row.id, entityRef: row.entity_ref, duplicate };
    } catch (error) {
      if (isTransientDatabaseError(error)) {
        this.deps.logger.warn(`A change event was not stored: ${error}`);
        throw new ServiceUnavailableError(
          'The change event was not stored; send it again later',
        );
      }
      throw error;
    }
  }
}
