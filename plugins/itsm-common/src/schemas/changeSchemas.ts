import { CHANGE_KINDS } from '../changes';
import { LIMITS } from '../constants';
import { z } from 'zod';
import {
  entityRefText,
  isoTime,
  oneOf,
  pageQuery,
  queryFlag,
  queryValue,
  requiredAs,
  text,
} from './fields';

/** A change time: ISO 8601, from 1970 on. */
const changeTime = isoTime.refine(value => Date.parse(value) >= 0, {
  message: 'must be 1970-01-01T00:00:00Z or later',
});

/** Longest summary PagerDuty accepts for a change event. */
const SUMMARY_MAX = 1024;
const SHORT_MAX = 255;
const MAX_LINKS = 20;

const optionalShort = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(SHORT_MAX, `must be at most ${SHORT_MAX} characters`)
  .optional();

const labelMap = z
  .record(
    z.string(),
    z
      .union([z.string(), z.number(), z.boolean()], {
        error: 'must be a string',
      })
      .transform(String),
    { error: requiredAs('an object of strings') },
  )
  .refine(labels => Object.keys(labels).length <= 50, {
    message: 'must have at most 50 labels',
  });

const link = z.object(
  {
    href: z
      .string({ error: requiredAs('a string') })
      .trim()
      .url('must be a URL')
      .max(2000, 'must be at most 2000 characters'),
    text: z
      .string({ error: 'must be a string' })
      .max(SHORT_MAX, `must be at most ${SHORT_MAX} characters`)
      .optional(),
  },
  { error: requiredAs('an object with href') },
);

const links = z
  .array(link, { error: 'must be an array of links' })
  .max(MAX_LINKS, `must have at most ${MAX_LINKS} links`)
  .optional();

/**
 * Body of `POST /changes`: one change event from a pipeline.
 *
 * @public
 */
export const changeBody = z
  .object({
    /** The entity changed; routed by the same rules as alerts with `labels`. */
    entityRef: entityRefText.optional(),
    summary: text(SUMMARY_MAX),
    kind: oneOf(CHANGE_KINDS).optional(),
    version: optionalShort,
    author: optionalShort,
    links,
    labels: labelMap.optional(),
    /** When the change happened; defaults to when it arrives. */
    timestamp: changeTime.optional(),
    /** Makes retries idempotent; defaults to a hash of the event. */
    dedupKey: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, 'must not be empty')
      .max(LIMITS.dedupKey, `must be at most ${LIMITS.dedupKey} characters`)
      .optional(),
  })
  .strict();

/**
 * A change event as a pipeline sends it to `POST /changes`.
 *
 * @public
 */
export type ChangeRequest = z.input<typeof changeBody>;

/**
 * Body of `POST /alerts/pagerduty/v2/change/enqueue`, as PagerDuty's Change
 * Events API takes it; extra fields are ignored, as PagerDuty does.
 *
 * @public
 */
export const pagerDutyChangeBody = z
  .object({
    routing_key: z.string({ error: 'must be a string' }).optional(),
    payload: z
      .object(
        {
          summary: text(SUMMARY_MAX),
          timestamp: changeTime.optional(),
          source: z
            .string({ error: 'must be a string' })
            .max(SHORT_MAX, `must be at most ${SHORT_MAX} characters`)
            .optional(),
          custom_details: z.unknown().optional(),
        },
        { error: requiredAs('an object') },
      )
      .loose(),
    links,
  })
  .loose();

/**
 * A change event of the PagerDuty Change Events API.
 *
 * @public
 */
export type PagerDutyChangeEvent = z.input<typeof pagerDutyChangeBody>;

/**
 * Query of `GET /changes`: newest first, by entity or the unrouted ones.
 *
 * @public
 */
export const listChangesQuery = z
  .object({
    entityRef: queryValue(text(LIMITS.entityRef)),
    unrouted: queryFlag,
    kind: queryValue(oneOf(CHANGE_KINDS)),
    limit: pageQuery.limit,
    cursor: pageQuery.cursor,
  })
  .strict();

/**
 * Filter and page of the change list, as a client sends them.
 *
 * @public
 */
export type ChangeListQuery = z.input<typeof listChangesQuery>;
