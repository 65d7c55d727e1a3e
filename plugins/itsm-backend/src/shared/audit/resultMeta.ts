import { JsonObject, JsonPrimitive } from '@backstage/types';

const RECORD_FIELDS = ['id', 'number', 'status', 'version'] as const;
const INGEST_FIELDS = [
  'opened',
  'repeated',
  'acknowledged',
  'resolved',
  'unrouted',
  'ignored',
  'dedup_key',
] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(source: Record<string, unknown>, fields: readonly string[]) {
  const picked: Record<string, JsonPrimitive> = {};
  for (const field of fields) {
    const value = source[field];
    if (['string', 'number', 'boolean'].includes(typeof value)) {
      picked[field] = value as JsonPrimitive;
    }
  }
  return picked;
}

/**
 * What an audit event records of a route's answer: the record it wrote (id,
 * number, status, version; an assignment's alert and incident) and an ingestion's
 * counts. Never the whole body: it may hold free text and personal data.
 */
export function resultMeta(body: unknown): JsonObject {
  if (!isObject(body)) {
    return {};
  }
  const meta: JsonObject = {
    ...pick(body, RECORD_FIELDS),
    ...pick(body, INGEST_FIELDS),
  };
  if (isObject(body.result)) {
    Object.assign(meta, pick(body.result, INGEST_FIELDS));
  }
  for (const nested of ['alert', 'incident']) {
    const record = body[nested];
    if (isObject(record)) {
      meta[nested] = pick(record, RECORD_FIELDS);
    }
  }
  return meta;
}
