import { createHash } from 'crypto';
import { z } from 'zod';
import {
  CHANGE_KINDS,
  ChangeKind,
  ChangeLink,
  ChangeSource,
  changeBody,
  pagerDutyChangeBody,
} from '@backstage-itsm/plugin-itsm-common';

/** A change event in the form ingestion works on, whatever format it came in. */
export interface IncomingChange {
  source: ChangeSource;
  dedupKey: string;
  kind: ChangeKind;
  summary: string;
  version: string | null;
  author: string | null;
  links: ChangeLink[];
  /** What routing matches, as for alerts. */
  labels: Record<string, string>;
  occurredAt: number;
}

/** Label that carries an explicit entity ref; the first routing label alerts use too. */
export const ENTITY_LABEL = 'itsm_entity';

const SHORT_MAX = 255;

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function linksOf(
  links: { href: string; text?: string }[] | undefined,
): ChangeLink[] {
  return (links ?? []).map(link => ({
    href: link.href,
    text: link.text ?? null,
  }));
}

/** A change of `POST /changes`. */
export function fromChangeBody(
  body: z.infer<typeof changeBody>,
  now: number,
): IncomingChange {
  const labels: Record<string, string> = { ...body.labels };
  if (body.entityRef) {
    labels[ENTITY_LABEL] = body.entityRef;
  }
  return {
    source: 'native',
    dedupKey: body.dedupKey ?? hashOf(body),
    kind: body.kind ?? 'deploy',
    summary: body.summary,
    version: body.version ?? null,
    author: body.author ?? null,
    links: linksOf(body.links),
    labels,
    occurredAt: body.timestamp ? Date.parse(body.timestamp) : now,
  };
}

function flatDetails(details: unknown): Record<string, string> {
  if (typeof details !== 'object' || details === null) {
    return {};
  }
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) {
      flat[key] = String(value).slice(0, 1000);
    }
  }
  return flat;
}

function short(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, SHORT_MAX) : null;
}

/**
 * A change of the PagerDuty Change Events API. `payload.source` and flat
 * `custom_details` route like labels; `custom_details` may name the `kind`,
 * `version`, `author` and an idempotency `dedup_key`.
 */
export function fromPagerDutyChange(
  event: z.infer<typeof pagerDutyChangeBody>,
  now: number,
): IncomingChange {
  const details = flatDetails(event.payload.custom_details);
  const labels = { ...details };
  if (event.payload.source) {
    labels.source = event.payload.source;
  }
  const kind = (CHANGE_KINDS as readonly string[]).includes(details.kind)
    ? (details.kind as ChangeKind)
    : 'deploy';
  const { routing_key: _routingKey, ...identity } = event;
  return {
    source: 'pagerduty',
    dedupKey:
      short(details.dedup_key) ??
      hashOf({ payload: identity.payload, links: identity.links }),
    kind,
    summary: event.payload.summary,
    version: short(details.version),
    author: short(details.author),
    links: linksOf(event.links),
    labels,
    occurredAt: event.payload.timestamp
      ? Date.parse(event.payload.timestamp)
      : now,
  };
}
