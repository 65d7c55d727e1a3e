import {
  ChangeEvent,
  ChangeKind,
  ChangeLink,
  ChangeSource,
} from '@backstage-itsm/plugin-itsm-common';
import { DbTime } from '../tables';
import { toIso } from '../time';

/** A row of `itsm_changes`. */
export interface ChangeRow {
  id: string;
  source: ChangeSource;
  dedup_key: string;
  entity_ref: string | null;
  owner_ref: string | null;
  kind: ChangeKind;
  summary: string;
  version: string | null;
  author: string | null;
  /** JSON array of links. */
  links: string;
  /** JSON object of labels. */
  labels: string;
  occurred_at: DbTime;
  received_at: DbTime;
  actor_ref: string;
  /** When a following incident made this deploy a failed one; null otherwise. */
  failed_at: DbTime | null;
}

/** A row of `itsm_change_incidents`: a change that preceded an incident. */
export interface ChangeIncidentRow {
  change_id: string;
  incident_id: string;
  change_entity_ref: string;
  change_kind: ChangeKind;
  change_at: DbTime;
  gap_ms: DbTime;
  /** JSON array, from the incident's entity to the changed one. */
  path: string;
}

/** A stored change as the API returns it. */
export function toChangeEvent(row: ChangeRow): ChangeEvent {
  return {
    id: row.id,
    source: row.source,
    dedupKey: row.dedup_key,
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref,
    kind: row.kind,
    summary: row.summary,
    version: row.version,
    author: row.author,
    links: JSON.parse(row.links) as ChangeLink[],
    labels: JSON.parse(row.labels) as Record<string, string>,
    occurredAt: toIso(row.occurred_at),
    receivedAt: toIso(row.received_at),
  };
}
