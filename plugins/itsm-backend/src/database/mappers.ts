import { IncidentSla } from '@backstage-itsm/plugin-itsm-common';
import { incidentSlaFromRow } from './slaMapper';
import { SlaColumns } from './slaTables';
import {
  ActionItem,
  Incident,
  Postmortem,
  Problem,
  TimelineEvent,
  UnroutedAlert,
  formatIncidentNumber,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ActionItemRow,
  IncidentRow,
  PostmortemRow,
  ProblemRow,
  TimelineRow,
  UnroutedAlertRow,
} from './tables';
import { toIso, toIsoOrNull } from './time';

/** Maps an incident row to the API shape. */
export function incidentFromRow(row: IncidentRow): Incident {
  return {
    id: row.id,
    number: formatIncidentNumber(Number(row.number)),
    title: row.title,
    description: row.description,
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref,
    category: row.category,
    impact: Number(row.impact) as Incident['impact'],
    urgency: Number(row.urgency) as Incident['urgency'],
    priority: Number(row.priority) as Incident['priority'],
    major: Boolean(row.major),
    declaredAt: toIsoOrNull(row.declared_at ?? null),
    commanderRef: row.commander_ref ?? null,
    communicationsLeadRef: row.communications_lead_ref ?? null,
    status: row.status as Incident['status'],
    holdReason: row.hold_reason as Incident['holdReason'],
    assigneeRef: row.assignee_ref,
    reporterRef: row.reporter_ref,
    source: row.source as Incident['source'],
    dedupKey: row.dedup_key,
    occurrenceCount: Number(row.occurrence_count),
    workaround: row.workaround,
    resolutionCode: row.resolution_code as Incident['resolutionCode'],
    resolutionNotes: row.resolution_notes,
    problemId: row.problem_id,
    duplicateOf: row.duplicate_of_id
      ? {
          id: row.duplicate_of_id,
          number: formatIncidentNumber(Number(row.duplicate_of_number)),
        }
      : null,
    detectedAt: toIso(row.detected_at),
    acknowledgedAt: toIsoOrNull(row.acknowledged_at),
    mitigatedAt: toIsoOrNull(row.mitigated_at),
    resolvedAt: toIsoOrNull(row.resolved_at),
    closedAt: toIsoOrNull(row.closed_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    version: Number(row.version),
    ...withSla(row),
  };
}

function withSla(row: IncidentRow): { sla?: IncidentSla } {
  const sla = incidentSlaFromRow(row as IncidentRow & Partial<SlaColumns>);
  return sla ? { sla } : {};
}

/** Maps a problem row and its affected entities to the API shape. */
export function problemFromRow(
  row: ProblemRow,
  affected: { entityRefs: string[]; incidentCount: number },
): Problem {
  return {
    id: row.id,
    number: formatProblemNumber(Number(row.number)),
    title: row.title,
    statement: row.statement,
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref,
    affectedEntityRefs: affected.entityRefs,
    category: row.category,
    impact: Number(row.impact) as Problem['impact'],
    urgency: Number(row.urgency) as Problem['urgency'],
    priority: Number(row.priority) as Problem['priority'],
    status: row.status as Problem['status'],
    assigneeRef: row.assignee_ref,
    reporterRef: row.reporter_ref,
    rootCause: row.root_cause,
    rcaMethod: row.rca_method as Problem['rcaMethod'],
    workaround: row.workaround,
    permanentFix: row.permanent_fix,
    knownError: Boolean(row.known_error),
    knownErrorAt: toIsoOrNull(row.known_error_at),
    symptoms: row.symptoms,
    resolutionCode: row.resolution_code as Problem['resolutionCode'],
    resolutionNotes: row.resolution_notes,
    duplicateOf: row.duplicate_of,
    source: row.source as Problem['source'],
    detectionKey: row.detection_key,
    detectionReason: row.detection_reason,
    incidentCount: affected.incidentCount,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    resolvedAt: toIsoOrNull(row.resolved_at),
    closedAt: toIsoOrNull(row.closed_at),
    version: Number(row.version),
  };
}

/** Maps an action item row to the API shape. */
export function actionItemFromRow(row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    parentType: row.parent_type as ActionItem['parentType'],
    parentId: row.parent_id,
    title: row.title,
    ownerRef: row.owner_ref,
    dueAt: toIsoOrNull(row.due_at),
    status: row.status as ActionItem['status'],
    kind: row.kind as ActionItem['kind'],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    completedAt: toIsoOrNull(row.completed_at),
    version: Number(row.version),
  };
}

/** Maps a postmortem row to the API shape. */
export function postmortemFromRow(row: PostmortemRow): Postmortem {
  return {
    incidentId: row.incident_id,
    summary: row.summary,
    impact: row.impact,
    rootCause: row.root_cause,
    lessonsLearned: row.lessons_learned,
    status: (row.status ?? 'draft') as Postmortem['status'],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    version: Number(row.version),
  };
}

/** Maps a timeline row to the API shape. */
export function timelineEventFromRow(row: TimelineRow): TimelineEvent {
  return {
    id: String(row.id),
    recordType: row.record_type as TimelineEvent['recordType'],
    recordId: row.record_id,
    kind: row.kind as TimelineEvent['kind'],
    field: row.field,
    oldValue: row.old_value,
    newValue: row.new_value,
    body: row.body,
    actorRef: row.actor_ref,
    createdAt: toIso(row.created_at),
  };
}

/** Maps an unrouted alert row to the API shape. */
export function unroutedAlertFromRow(row: UnroutedAlertRow): UnroutedAlert {
  return {
    id: row.id,
    source: row.source as UnroutedAlert['source'],
    dedupKey: row.dedup_key,
    title: row.title,
    description: row.description,
    severity: row.severity,
    impact: Number(row.impact) as UnroutedAlert['impact'],
    urgency: Number(row.urgency) as UnroutedAlert['urgency'],
    labels: JSON.parse(row.labels),
    status: row.status as UnroutedAlert['status'],
    occurrenceCount: Number(row.occurrence_count),
    startedAt: toIsoOrNull(row.started_at ?? null),
    firstSeenAt: toIso(row.first_seen_at),
    lastSeenAt: toIso(row.last_seen_at),
    endedAt: toIsoOrNull(row.ended_at),
    incidentId: row.incident_id,
    assignedBy: row.assigned_by,
    assignedAt: toIsoOrNull(row.assigned_at),
    dismissedBy: row.dismissed_by ?? null,
    dismissedAt: toIsoOrNull(row.dismissed_at ?? null),
    dismissReason: row.dismiss_reason ?? null,
    reporterRef: row.reporter_ref,
  };
}
