import {
  HoldReason,
  IncidentResolutionCode,
  IncidentStatus,
  checkIncidentTransition,
  formatIncidentNumber,
  formatProblemNumber,
  isOpenIncidentStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentRow } from '@backstage-itsm/plugin-itsm-node';
import { DemoEvent, IncidentPlan } from './model';
import { LifecycleStep } from './planLifecycle';

/** Plays the steps that happened by `now`, checked against the incident lifecycle. */
export function playIncident(options: {
  plan: IncidentPlan;
  steps: readonly LifecycleStep[];
  now: number;
}): { row: IncidentRow; events: DemoEvent[] } {
  const { plan, now } = options;
  const { problem, template } = plan;
  const incidentNumber = formatIncidentNumber(plan.number);
  const events: DemoEvent[] = [];
  const record = (event: Omit<DemoEvent, 'recordType' | 'recordId'>) =>
    events.push({ recordType: 'incident', recordId: plan.id, ...event });

  let status: IncidentStatus = 'new';
  let holdReason: HoldReason | null = null;
  let assigneeRef: string | null = null;
  let workaround: string | null = null;
  let resolutionCode: IncidentResolutionCode | null = null;
  let resolutionNotes: string | null = null;
  let problemId: string | null = null;
  // Assigned in the closures below, so declared with its type, not narrowed to null.
  let duplicateOf = null as Pick<IncidentPlan, 'id' | 'number'> | null;
  let occurrences = 1;
  let version = 1;
  let acknowledgedAt: number | null = null;
  let mitigatedAt: number | null = null;
  let resolvedAt: number | null = null;
  let closedAt: number | null = null;

  const duplicateEvents = (
    at: number,
    actorRef: string,
    original: Pick<IncidentPlan, 'id' | 'number'>,
  ) => {
    const originalNumber = formatIncidentNumber(original.number);
    record({
      kind: 'duplicate_of',
      field: 'duplicateOf',
      newValue: originalNumber,
      body: `Duplicate of ${originalNumber}`,
      actorRef,
      at,
    });
    events.push({
      recordType: 'incident',
      recordId: original.id,
      kind: 'duplicate_added',
      field: 'duplicates',
      newValue: incidentNumber,
      body: `${incidentNumber} was resolved as a duplicate of this incident`,
      actorRef,
      at,
    });
  };

  const move = (
    at: number,
    actorRef: string,
    to: IncidentStatus,
    fields: {
      holdReason?: HoldReason;
      resolutionCode?: IncidentResolutionCode;
      resolutionNotes?: string;
      duplicateOf?: Pick<IncidentPlan, 'id' | 'number'>;
    },
  ) => {
    const check = checkIncidentTransition({
      from: status,
      to,
      fields: {
        ...fields,
        linkedProblemIsKnownError:
          problemId !== null &&
          problem?.knownErrorAt !== null &&
          problem!.knownErrorAt <= at,
      },
    });
    if (!check.ok) {
      throw new Error(`Demo ${incidentNumber}: ${check.reason}`);
    }
    record({
      kind: 'transition',
      field: 'status',
      oldValue: status,
      newValue: to,
      body: fields.resolutionNotes ?? fields.holdReason ?? null,
      actorRef,
      at,
    });
    if (status === 'new') {
      acknowledgedAt = at;
    }
    if (status === 'resolved' && to === 'in_progress') {
      resolvedAt = null;
      resolutionCode = null;
      resolutionNotes = null;
      duplicateOf = null;
    }
    holdReason = to === 'on_hold' ? fields.holdReason ?? null : null;
    if (to === 'resolved') {
      resolvedAt = at;
      resolutionCode = fields.resolutionCode ?? null;
      resolutionNotes = fields.resolutionNotes ?? null;
      if (fields.duplicateOf) {
        duplicateOf = fields.duplicateOf;
        duplicateEvents(at, actorRef, fields.duplicateOf);
      }
    }
    if (to === 'closed' || to === 'cancelled') {
      closedAt = at;
    }
    status = to;
    version++;
  };

  const linkEvents = (
    kind: 'linked' | 'unlinked',
    at: number,
    actorRef: string,
  ) => {
    record({
      kind,
      field: 'problem',
      newValue: problem!.id,
      body: formatProblemNumber(problem!.number),
      actorRef,
      at,
    });
    events.push({
      recordType: 'problem',
      recordId: problem!.id,
      kind,
      field: 'incident',
      newValue: plan.id,
      body: incidentNumber,
      actorRef,
      at,
    });
    version++;
  };

  record({
    kind: 'created',
    body: plan.title,
    actorRef: plan.reporterRef,
    at: plan.createdAt,
  });
  const played = options.steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => step.at <= now)
    .sort((a, b) => a.step.at - b.step.at || a.index - b.index)
    .map(({ step }) => step);

  for (const step of played) {
    const { actorRef } = step;
    const at = Math.round(step.at);
    switch (step.kind) {
      case 'transition':
        move(at, actorRef, step.to, step);
        break;
      case 'assign':
        record({
          kind: 'field_changed',
          field: 'assigneeRef',
          oldValue: assigneeRef,
          newValue: plan.assigneeRef,
          actorRef,
          at,
        });
        assigneeRef = plan.assigneeRef;
        version++;
        break;
      case 'mitigate':
        record({
          kind: 'field_changed',
          field: 'workaround',
          oldValue: workaround,
          newValue: step.workaround,
          actorRef,
          at,
        });
        workaround = step.workaround;
        mitigatedAt = mitigatedAt ?? at;
        version++;
        break;
      case 'note':
      case 'status_update':
        record({ kind: step.kind, body: step.body, actorRef, at });
        break;
      case 'alert_occurrence':
        occurrences++;
        record({
          kind: 'alert_occurrence',
          body: `${
            template.alert ?? 'Alert'
          } fired again (occurrence ${occurrences})`,
          actorRef,
          at,
        });
        version++;
        break;
      case 'link':
        problemId = problem!.id;
        linkEvents('linked', at, actorRef);
        if (step.hold && (status === 'new' || status === 'in_progress')) {
          move(at, actorRef, 'on_hold', { holdReason: 'awaiting_problem' });
        }
        break;
      default:
        problemId = null;
        linkEvents('unlinked', at, actorRef);
    }
  }

  const row: IncidentRow = {
    id: plan.id,
    number: plan.number,
    title: plan.title,
    description: plan.description,
    entity_ref: template.entityRef,
    owner_ref: plan.ownerRef,
    category: template.category,
    impact: plan.impact,
    urgency: plan.urgency,
    priority: plan.priority,
    major: plan.priority === 1,
    status,
    hold_reason: holdReason,
    assignee_ref: assigneeRef,
    reporter_ref: plan.reporterRef,
    source: plan.source,
    dedup_key: plan.dedupKey,
    // Held while open, as alert ingestion holds it, so a repeat of a demo
    // alert that still fires joins this incident instead of opening another.
    open_dedup_key:
      plan.dedupKey && isOpenIncidentStatus(status)
        ? `${plan.source}:${plan.dedupKey}`
        : null,
    occurrence_count: occurrences,
    workaround,
    resolution_code: resolutionCode,
    resolution_notes: resolutionNotes,
    problem_id: problemId,
    duplicate_of_id: duplicateOf?.id ?? null,
    duplicate_of_number: duplicateOf?.number ?? null,
    detected_at: plan.detectedAt,
    acknowledged_at: acknowledgedAt,
    mitigated_at: mitigatedAt,
    resolved_at: resolvedAt,
    closed_at: closedAt,
    created_at: plan.createdAt,
    updated_at: Math.max(...events.filter(isOwn(plan.id)).map(e => e.at)),
    version,
  };
  return { row, events };
}

function isOwn(id: string) {
  return (event: DemoEvent) => event.recordId === id;
}
