import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  AlertIngestResult,
  AlertSource,
  PriorityMatrix,
  itsmAlertIngestPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { createHash } from 'crypto';
import { Knex } from 'knex';
import { IncidentRow } from '../../database/tables';
import { z } from 'zod';
import {
  pruneAlertDeliveries,
  recordAlertDelivery,
} from '../../database/alertDeliveries';
import {
  claimDeliveryChunk,
  pruneDeliveryChunks,
} from '../../database/alertDeliveryChunks';
import {
  addAlertOccurrences,
  lockOpenRecords,
} from '../../database/alertIncidents';
import {
  isRetryableConflict,
  isTransientDatabaseError,
} from '../../database/databaseErrors';
import { lockAlertKeys } from '../../database/lockAlertKeys';
import { openDedupKeyOf } from '../../database/openDedupKey';
import { Authorizer } from '../../shared/authorizer';
import { MajorIncidentConfig } from '../../shared/majorIncidentConfig';
import { Caller } from '../../shared/caller';
import { ResolvedEntity } from '../../shared/catalogEntities';
import {
  alertmanagerWebhookBody,
  eventsV2Body,
} from '@backstage-itsm/plugin-itsm-common';
import { boundedPayload } from '../../shared/boundedJson';
import { withoutNul } from '../../shared/nulCharacters';
import { parseBody } from '../../shared/parseInput';
import { AlertEntityResolver } from './AlertEntityResolver';
import { AlertConfig } from './alertConfig';
import { AlertOutcome, applyAlert, repeatBody } from './applyAlert';
import { fromAlertmanager } from './fromAlertmanager';
import { fromEventsV2 } from './fromEventsV2';
import { IncomingAlert } from './incomingAlert';

/** A delivery as it arrived: its sender's format, raw body and caller. */
interface Delivery {
  source: AlertSource;
  body: unknown;
  caller: Caller;
}

/** Attempts of a delivery's transaction when the database reports a race. */
const MAX_ATTEMPTS = 5;

/**
 * Alerts per transaction: a delivery of 10,000 new alerts holds the incident
 * number counter for one chunk at a time, so other creates and deliveries
 * take their numbers in between.
 */
const CHUNK_SIZE = 100;

/**
 * How long a committed chunk marks the same delivery as already counted: a
 * sender's retries come within it, its next notification of the same alerts
 * after it.
 */
const RETRY_WINDOW_MS = 10 * 60_000;

/** An alert of a delivery with its route and open dedup key. */
interface Planned {
  alert: IncomingAlert;
  route: ResolvedEntity | undefined;
  key: string;
}

function emptyResult(): AlertIngestResult {
  return {
    opened: 0,
    repeated: 0,
    acknowledged: 0,
    resolved: 0,
    unrouted: 0,
    ignored: 0,
  };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Turns alert deliveries into incidents and inbox entries. A delivery of up
 * to CHUNK_SIZE alerts is one transaction: its audit row and every alert
 * commit together or not at all, so a sender that retries after a 503 never
 * counts an occurrence twice. A larger one commits chunk by chunk, so it
 * never holds the number counter for long; each chunk claims its place in
 * the delivery, so a retry (after a 503, or while the first attempt still
 * commits) skips the chunks already counted.
 */
export class AlertIngestService {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      resolver: AlertEntityResolver;
      config: AlertConfig;
      priorityMatrix: PriorityMatrix;
      majorIncidents?: MajorIncidentConfig;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /**
   * Ingests an Alertmanager (version 4) or Grafana webhook delivery. NUL
   * characters are dropped rather than refused: senders retry a refused
   * delivery forever and hold back the rest of its group. For the same
   * reason, values nested too deep or too long are cut with a marker.
   */
  async ingestAlertmanager(
    received: unknown,
    caller: Caller,
  ): Promise<AlertIngestResult> {
    await this.deps.authorizer.require(
      itsmAlertIngestPermission,
      caller.credentials,
    );
    const body = withoutNul(boundedPayload(received));
    const webhook = await this.parse(alertmanagerWebhookBody, {
      source: 'alertmanager',
      body,
      caller,
    });
    const alerts = fromAlertmanager(webhook, this.deps.config);
    return this.ingest({ source: 'alertmanager', alerts, body, caller });
  }

  /**
   * Ingests a PagerDuty Events API v2 event; answers with its dedup key. NUL
   * characters are dropped, as for Alertmanager.
   */
  async ingestEventsV2(
    received: unknown,
    caller: Caller,
  ): Promise<{ dedupKey: string; result: AlertIngestResult }> {
    await this.deps.authorizer.require(
      itsmAlertIngestPermission,
      caller.credentials,
    );
    const body = withoutNul(boundedPayload(received));
    const event = await this.parse(eventsV2Body, {
      source: 'events-v2',
      body,
      caller,
    });
    const alert = fromEventsV2(event, this.deps.config);
    const result = await this.ingest({
      source: 'events-v2',
      alerts: [alert],
      body,
      caller,
    });
    return { dedupKey: alert.dedupKey, result };
  }

  /**
   * Deletes raw deliveries older than the configured retention, and chunk
   * claims past the retry window.
   */
  async pruneDeliveries(): Promise<number> {
    await pruneDeliveryChunks(this.deps.db, this.now() - RETRY_WINDOW_MS);
    return pruneAlertDeliveries(
      this.deps.db,
      this.now() - this.deps.config.deliveryRetentionMillis,
    );
  }

  /** Validates a payload; a rejected one is still kept for audit. */
  private async parse<T extends z.ZodTypeAny>(
    schema: T,
    delivery: Delivery,
  ): Promise<z.infer<T>> {
    try {
      return parseBody(schema, delivery.body);
    } catch (error) {
      if (error instanceof InputError) {
        await this.recordRejected({ ...delivery, reason: error.message });
      }
      throw error;
    }
  }

  private async recordRejected(options: Delivery & { reason: string }) {
    const { source, body, caller, reason } = options;
    try {
      await recordAlertDelivery(this.deps.db, {
        source,
        actor_ref: caller.actorRef,
        alert_count: 0,
        outcome: 'rejected',
        error: reason,
        payload: JSON.stringify(body ?? null),
        received_at: this.now(),
      });
    } catch (error) {
      this.deps.logger.warn(
        `Could not keep a rejected ${source} delivery for audit: ${error}`,
      );
    }
  }

  private async ingest(
    options: Delivery & { alerts: IncomingAlert[] },
  ): Promise<AlertIngestResult> {
    const { source, alerts, body, caller } = options;
    // Catalog reads happen before any transaction, never while holding locks.
    const routes = await this.routesOf(alerts);
    const order: Planned[] = alerts
      .map((alert, index) => ({
        alert,
        route: routes[index],
        key: openDedupKeyOf(alert.source, alert.dedupKey),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : Number(a.key > b.key)));
    const payload = JSON.stringify(body);
    const deliveryHash = createHash('sha256')
      .update(`${source}\n${payload}`)
      .digest('hex');
    const chunks: Planned[][] = [];
    for (let start = 0; start < order.length; start += CHUNK_SIZE) {
      chunks.push(order.slice(start, start + CHUNK_SIZE));
    }
    const result = emptyResult();
    for (const [index, chunk] of (chunks.length ? chunks : [[]]).entries()) {
      const applied = await this.applyChunk({
        source,
        caller,
        chunk,
        index,
        // A delivery of one chunk commits whole or not at all, as before.
        deliveryHash: chunks.length > 1 ? deliveryHash : undefined,
        audit: index === 0 ? { payload, alertCount: alerts.length } : undefined,
      });
      for (const outcome of Object.keys(result) as AlertOutcome[]) {
        result[outcome] += applied[outcome];
      }
    }
    return result;
  }

  /**
   * Applies one chunk of a delivery in its own transaction, retried on races;
   * a chunk the same delivery committed moments ago is skipped.
   */
  private async applyChunk(options: {
    source: AlertSource;
    caller: Caller;
    chunk: Planned[];
    index: number;
    deliveryHash?: string;
    audit?: { payload: string; alertCount: number };
  }): Promise<AlertIngestResult> {
    const { source, caller, chunk, index, deliveryHash, audit } = options;
    const keys = [...new Set(chunk.map(item => item.key))];
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deps.db.transaction(async tx => {
          const now = this.now();
          const result = emptyResult();
          const claimed =
            !deliveryHash ||
            (await claimDeliveryChunk(tx, {
              deliveryHash,
              chunk: index,
              now,
              retryWindowMs: RETRY_WINDOW_MS,
            }));
          if (!claimed) {
            return result;
          }
          if (audit) {
            await recordAlertDelivery(tx, {
              source,
              actor_ref: caller.actorRef,
              alert_count: audit.alertCount,
              outcome: 'accepted',
              error: null,
              payload: audit.payload,
              received_at: now,
            });
          }
          const context = {
            config: this.deps.config,
            priorityMatrix: this.deps.priorityMatrix,
            autoDeclare: Boolean(this.deps.majorIncidents?.autoDeclare),
            actorRef: caller.actorRef,
            now,
          };
          await lockAlertKeys(tx, keys);
          const held = await lockOpenRecords(tx, keys);
          const repeats = repeatsOf(chunk, held.incidents);
          await addAlertOccurrences(tx, {
            occurrences: repeats.occurrences,
            actorRef: caller.actorRef,
            now,
          });
          result.repeated += repeats.count;
          // Then alerts with an open record, in key order; those that open
          // one (and take the number counter) last.
          const rest = chunk.filter(item => !repeats.keys.has(item.key));
          const isHeld = (key: string) =>
            held.incidents.has(key) || held.inbox.has(key);
          for (const { alert, route } of [
            ...rest.filter(item => isHeld(item.key)),
            ...rest.filter(item => !isHeld(item.key)),
          ]) {
            const outcome: AlertOutcome = await applyAlert(tx, {
              alert,
              route,
              context,
            });
            result[outcome] += 1;
          }
          return result;
        });
      } catch (error) {
        if (isRetryableConflict(error) && attempt < MAX_ATTEMPTS) {
          await sleep(Math.random() * 20 * attempt);
          continue;
        }
        if (isTransientDatabaseError(error)) {
          this.deps.logger.warn(
            `A ${source} delivery was not stored: ${error}`,
          );
          throw new ServiceUnavailableError(
            'The alert delivery was not stored; send it again later',
          );
        }
        throw error;
      }
    }
  }

  private async routesOf(
    alerts: IncomingAlert[],
  ): Promise<(ResolvedEntity | undefined)[]> {
    const routes: (ResolvedEntity | undefined)[] = [];
    for (const alert of alerts) {
      routes.push(
        alert.action === 'trigger'
          ? await this.deps.resolver.resolve(alert.labels)
          : undefined,
      );
    }
    return routes;
  }
}

/**
 * The common case of a storm, handled in bulk: keys whose alerts in this
 * delivery only fire again while their incident is open.
 */
function repeatsOf(
  order: { alert: IncomingAlert; key: string }[],
  open: Map<string, IncidentRow>,
) {
  const bodies = new Map<string, string[]>();
  const mixed = new Set<string>();
  for (const { alert, key } of order) {
    if (!open.has(key) || alert.action !== 'trigger') {
      mixed.add(key);
    } else {
      bodies.set(key, [...(bodies.get(key) ?? []), repeatBody(alert)]);
    }
  }
  const keys = new Set([...bodies.keys()].filter(key => !mixed.has(key)));
  const occurrences = [...keys].map(key => ({
    row: open.get(key)!,
    bodies: bodies.get(key)!,
  }));
  return {
    keys,
    occurrences,
    count: occurrences.reduce((sum, o) => sum + o.bodies.length, 0),
  };
}
