import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { takeNextNumber } from './sequences';
import { IncidentRow } from './tables';
import { appendTimeline } from './timeline';

/** What opening an incident needs, whoever opens it: a person or an alert. */
export interface NewIncident {
  title: string;
  description: string;
  entityRef: string;
  ownerRef: string | null;
  category: string;
  impact: number;
  urgency: number;
  priority: number;
  major: boolean;
  assigneeRef: string | null;
  reporterRef: string;
  source: string;
  dedupKey: string | null;
  openDedupKey: string | null;
  occurrenceCount: number;
  workaround: string | null;
  detectedAt: number;
  /** When it was declared a major incident, if it opens as one. */
  declaredAt?: number | null;
}

/**
 * Inserts an incident with the next number and its `created` timeline event,
 * inside the caller's transaction.
 */
export async function insertIncident(
  tx: Knex.Transaction,
  options: { incident: NewIncident; now: number },
): Promise<IncidentRow> {
  const { incident, now } = options;
  const row: IncidentRow = {
    id: randomUUID(),
    number: await takeNextNumber(tx, 'incident'),
    title: incident.title,
    description: incident.description,
    entity_ref: incident.entityRef,
    owner_ref: incident.ownerRef,
    category: incident.category,
    impact: incident.impact,
    urgency: incident.urgency,
    priority: incident.priority,
    major: incident.major,
    status: 'new',
    hold_reason: null,
    assignee_ref: incident.assigneeRef,
    reporter_ref: incident.reporterRef,
    source: incident.source,
    dedup_key: incident.dedupKey,
    open_dedup_key: incident.openDedupKey,
    occurrence_count: incident.occurrenceCount,
    workaround: incident.workaround,
    resolution_code: null,
    resolution_notes: null,
    problem_id: null,
    detected_at: incident.detectedAt,
    acknowledged_at: null,
    mitigated_at: incident.workaround ? now : null,
    resolved_at: null,
    closed_at: null,
    created_at: now,
    updated_at: now,
    version: 1,
    declared_at: incident.declaredAt ?? null,
  };
  await tx('itsm_incidents').insert(row);
  await appendTimeline(tx, {
    events: [
      {
        recordType: 'incident',
        recordId: row.id,
        kind: 'created',
        actorRef: incident.reporterRef,
        body: row.title,
      },
      ...(incident.declaredAt
        ? [
            {
              recordType: 'incident' as const,
              recordId: row.id,
              kind: 'field_changed' as const,
              actorRef: incident.reporterRef,
              field: 'declaredAt',
              oldValue: null,
              newValue: new Date(incident.declaredAt).toISOString(),
              body: 'Declared a major incident on opening as P1',
            },
          ]
        : []),
    ],
    now,
  });
  return row;
}
