import { UNROUTED_ALERT_STATUSES } from '../alerts';
import { LIMITS } from '../constants';
import { z } from 'zod';
import {
  entityRefText,
  oneOf,
  pageQuery,
  queryValue,
  requiredAs,
  text,
} from './fields';

/*
 * Alert payloads are loose objects: senders add fields over time (Grafana adds
 * dashboard and panel links), and a 4xx makes Alertmanager drop the alert, so
 * only what ingestion cannot do without is checked.
 */

/** Label and annotation values; numbers and booleans are kept as text. */
const labelMap = z.record(
  z.string(),
  z
    .union([z.string(), z.number(), z.boolean()], {
      error: 'must be a string',
    })
    .transform(String),
  { error: requiredAs('an object of strings') },
);

const optionalText = z.string({ error: 'must be a string' }).optional();

/** Alertmanager's maximum dedup key is a 16-hex fingerprint; PagerDuty's is 255 characters. */
const dedupKey = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters');

/**
 * One alert of an Alertmanager (version 4) or Grafana webhook.
 *
 * @public
 */
export const alertmanagerAlert = z
  .object({
    status: oneOf(['firing', 'resolved'] as const),
    labels: labelMap,
    annotations: labelMap.optional(),
    startsAt: optionalText,
    endsAt: optionalText,
    generatorURL: optionalText,
    fingerprint: dedupKey.optional(),
    silenceURL: optionalText,
    dashboardURL: optionalText,
    panelURL: optionalText,
    imageURL: optionalText,
    valueString: optionalText,
  })
  .loose();

/**
 * Body of `POST /alerts/alertmanager`.
 *
 * @public
 */
export const alertmanagerWebhookBody = z
  .object({
    version: optionalText,
    status: optionalText,
    receiver: optionalText,
    externalURL: optionalText,
    alerts: z
      .array(alertmanagerAlert, { error: requiredAs('an array of alerts') })
      .max(10000, 'must have at most 10000 alerts'),
  })
  .loose();

/**
 * A delivery of an Alertmanager (version 4) or Grafana webhook.
 *
 * @public
 */
export type AlertmanagerWebhook = z.input<typeof alertmanagerWebhookBody>;

/**
 * Body of `POST /alerts/pagerduty/v2/enqueue`, as the PagerDuty Events API v2 takes it.
 *
 * @public
 */
export const eventsV2Body = z
  .object({
    routing_key: optionalText,
    event_action: oneOf(['trigger', 'acknowledge', 'resolve'] as const),
    dedup_key: dedupKey.optional(),
    payload: z
      .object({
        summary: z
          .string({ error: requiredAs('a string') })
          .trim()
          .min(1, 'must not be empty')
          .max(1024, 'must be at most 1024 characters'),
        source: z
          .string({ error: requiredAs('a string') })
          .trim()
          .min(1, 'must not be empty'),
        severity: z
          .string({ error: requiredAs('a string') })
          .trim()
          .min(1, 'must not be empty'),
        timestamp: optionalText,
        component: optionalText,
        group: optionalText,
        class: optionalText,
        custom_details: z.unknown().optional(),
      })
      .loose()
      .optional(),
    client: optionalText,
    client_url: optionalText,
    links: z.array(z.unknown()).optional(),
    images: z.array(z.unknown()).optional(),
  })
  .loose()
  .superRefine((event, ctx) => {
    if (event.event_action === 'trigger' && !event.payload) {
      ctx.addIssue({
        code: 'custom',
        path: ['payload'],
        message: 'is required to trigger',
      });
    }
    if (event.event_action !== 'trigger' && !event.dedup_key) {
      ctx.addIssue({
        code: 'custom',
        path: ['dedup_key'],
        message: `is required to ${event.event_action}`,
      });
    }
  });

/**
 * An event of the PagerDuty Events API v2.
 *
 * @public
 */
export type EventsV2Event = z.input<typeof eventsV2Body>;

/**
 * Query of `GET /alerts/unrouted`.
 *
 * @public
 */
export const listUnroutedAlertsQuery = z
  .object({
    status: queryValue(oneOf(UNROUTED_ALERT_STATUSES)),
    limit: pageQuery.limit,
    cursor: pageQuery.cursor,
  })
  .strict();

/**
 * Filter and page of the unrouted alert inbox, as a client sends them.
 *
 * @public
 */
export type UnroutedAlertListQuery = z.input<typeof listUnroutedAlertsQuery>;

/**
 * Body of `POST /alerts/unrouted/:id/assign`.
 *
 * @public
 */
export const assignUnroutedAlertBody = z
  .object({ entityRef: entityRefText })
  .strict();

/**
 * The entity that an unrouted alert opens its incident on.
 *
 * @public
 */
export type AssignUnroutedAlertRequest = z.input<
  typeof assignUnroutedAlertBody
>;

/**
 * Body of `POST /alerts/unrouted/:id/dismiss`.
 *
 * @public
 */
export const dismissUnroutedAlertBody = z
  .object({ reason: text(LIMITS.short) })
  .strict();

/**
 * Why an unrouted alert is dismissed; the reason is kept with the alert.
 *
 * @public
 */
export type DismissUnroutedAlertRequest = z.input<
  typeof dismissUnroutedAlertBody
>;

/**
 * Query of `GET /alerts/unrouted/count`.
 *
 * @public
 */
export const countUnroutedAlertsQuery = z
  .object({ status: queryValue(oneOf(UNROUTED_ALERT_STATUSES)) })
  .strict();

/**
 * Which alerts of the unrouted inbox to count, as a client sends it.
 *
 * @public
 */
export type UnroutedAlertCountQuery = z.input<typeof countUnroutedAlertsQuery>;
