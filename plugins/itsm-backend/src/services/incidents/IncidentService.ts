import { InputError } from '@backstage/errors';
import { touchRecord } from '../../database/records';
import { NewTimelineEvent } from '../../database/timeline';
import {
  Incident,
  IncidentStatus,
  checkIncidentTransition,
  derivePriority,
  formatIncidentNumber,
  itsmIncidentCreatePermission,
  PostmortemStatus,
  postmortemMissingReason,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { IncidentFilter } from '../../database/incidents';
import { insertIncident } from '../../database/insertIncident';
import { findPostmortemRow } from '../../database/postmortems';
import { DEFAULT_MAJOR_INCIDENT_CONFIG } from '../../shared/majorIncidentConfig';
import { incidentFromRow } from '../../database/mappers';
import { getRecordRow } from '../../database/records';
import { IncidentRow } from '../../database/tables';
import { fromIso } from '../../database/time';
import { Caller } from '../../shared/caller';
import { incidentTransitionChanges } from '../../shared/incidentTransitionChanges';
import { incidentKind } from '../../shared/recordKinds';
import { RecordService, RecordServiceDeps } from '../../shared/recordService';
import { transitionEvent } from '../../shared/transitionEvent';
import {
  createIncidentBody,
  incidentTransitionBody,
  updateIncidentBody,
} from '@backstage-itsm/plugin-itsm-common';
import { assigneeOnAcknowledgement } from './acknowledgement';
import { duplicateLink, findOriginal } from './duplicateOf';

/** API field to column, for the fields PATCH may change. */
const INCIDENT_FIELD_COLUMNS: Record<string, keyof IncidentRow> = {
  title: 'title',
  description: 'description',
  entityRef: 'entity_ref',
  ownerRef: 'owner_ref',
  category: 'category',
  impact: 'impact',
  urgency: 'urgency',
  priority: 'priority',
  major: 'major',
  assigneeRef: 'assignee_ref',
  workaround: 'workaround',
};

/** Incident use cases: every mutation writes its timeline in the same transaction. */
export class IncidentService extends RecordService<
  'incident',
  Incident,
  IncidentFilter
> {
  constructor(deps: RecordServiceDeps) {
    super(deps, incidentKind);
  }

  /** Logs a new incident; the reporter is the caller. */
  async create(
    input: z.infer<typeof createIncidentBody>,
    caller: Caller,
  ): Promise<Incident> {
    await this.deps.authorizer.require(
      itsmIncidentCreatePermission,
      caller.credentials,
    );
    const { entityRef, ownerRef } = await this.deps.entities.resolve({
      ref: input.entityRef,
      field: 'entityRef',
      credentials: caller.credentials,
    });
    const assigneeRef = await this.deps.entities.resolvePerson({
      ref: input.assigneeRef,
      field: 'assigneeRef',
      credentials: caller.credentials,
    });
    const now = this.now();
    const priority = derivePriority({
      impact: input.impact,
      urgency: input.urgency,
      matrix: this.deps.priorityMatrix,
    });
    const declare = priority === 1 && this.majorIncidents().autoDeclare;
    return this.deps.db.transaction(async tx => {
      const row = await insertIncident(tx, {
        incident: {
          title: input.title,
          description: input.description,
          entityRef,
          ownerRef,
          category: input.category,
          impact: input.impact,
          urgency: input.urgency,
          priority,
          major: declare || (input.major ?? priority === 1),
          declaredAt: declare ? now : null,
          assigneeRef: assigneeRef ?? null,
          reporterRef: caller.actorRef,
          source: 'manual',
          dedupKey: null,
          openDedupKey: null,
          occurrenceCount: 1,
          workaround: input.workaround ?? null,
          detectedAt: input.detectedAt ? fromIso(input.detectedAt) : now,
        },
        now,
      });
      if (this.deps.afterIncidentChange) {
        await this.deps.afterIncidentChange(tx, { incidentId: row.id, now });
        return incidentFromRow(
          (await getRecordRow(tx, { recordType: 'incident', id: row.id }))!,
        );
      }
      return incidentFromRow(row);
    });
  }

  /** Changes fields of an open incident, checking the version read by the caller. */
  async update(options: {
    idOrNumber: string;
    input: z.infer<typeof updateIncidentBody>;
    caller: Caller;
  }): Promise<Incident> {
    const { input, caller } = options;
    const { row } = await this.records.getForUpdate(options.idOrNumber, caller);
    this.records.assertWritable(row, input.version);
    const requested: Record<string, unknown> = { ...input };
    delete requested.version;
    delete requested.reason;
    if (input.entityRef !== undefined) {
      const resolved = await this.deps.entities.resolve({
        ref: input.entityRef,
        field: 'entityRef',
        credentials: caller.credentials,
      });
      requested.entityRef = resolved.entityRef;
      requested.ownerRef = resolved.ownerRef;
    }
    const { changes, events } = await this.fieldChanges({
      row,
      input,
      requested,
      columns: INCIDENT_FIELD_COLUMNS,
      caller,
    });
    withReason(events, input);
    const now = this.now();
    if (changes.workaround && row.mitigated_at === null) {
      changes.mitigated_at = now;
    }
    return this.records.save({
      row,
      version: input.version,
      changes: { ...changes, updated_at: now },
      events,
      now,
    });
  }

  /** Moves an incident through its lifecycle. */
  async transition(options: {
    idOrNumber: string;
    input: z.infer<typeof incidentTransitionBody>;
    caller: Caller;
  }): Promise<Incident> {
    const { input, caller } = options;
    const row = await this.records.getCurrentForUpdate({
      idOrNumber: options.idOrNumber,
      version: input.version,
      caller,
    });
    const from = row.status as IncidentStatus;
    const original = await findOriginal(this.deps.db, { row, input });
    if (original) {
      await this.records.requireRead(incidentFromRow(original), caller);
    }
    const resolutionNotes =
      input.resolutionNotes ??
      (original &&
        `Duplicate of ${formatIncidentNumber(Number(original.number))}`);
    const check = checkIncidentTransition({
      from,
      to: input.to,
      fields: {
        holdReason: input.holdReason,
        resolutionCode: input.resolutionCode,
        resolutionNotes,
        linkedProblemIsKnownError: await this.linkedProblemIsKnownError(row),
        hasLinkedProblem: row.problem_id !== null,
      },
    });
    if (!check.ok) {
      throw new InputError(check.reason);
    }
    if (input.to === 'closed') {
      await this.requirePostmortemBeforeClose(row);
    }
    const now = this.now();
    const acknowledgement = assigneeOnAcknowledgement({
      row,
      to: input.to,
      caller,
    });
    const duplicate = original
      ? duplicateLink({ duplicate: row, original, actorRef: caller.actorRef })
      : { changes: {}, events: [] };
    return this.records.save({
      row,
      version: input.version,
      changes: {
        ...incidentTransitionChanges({
          row,
          to: input.to,
          holdReason: input.holdReason,
          resolutionCode: input.resolutionCode,
          resolutionNotes,
          now,
        }),
        ...acknowledgement.changes,
        ...duplicate.changes,
      },
      events: [
        transitionEvent({
          recordType: 'incident',
          recordId: row.id,
          actorRef: caller.actorRef,
          from,
          to: input.to,
          body: resolutionNotes ?? input.holdReason,
        }),
        ...acknowledgement.events,
        ...duplicate.events,
      ],
      now,
      alsoInTransaction: original
        ? tx =>
            touchRecord(tx, { recordType: 'incident', id: original.id, now })
        : undefined,
    });
  }

  private majorIncidents() {
    return this.deps.majorIncidents ?? DEFAULT_MAJOR_INCIDENT_CONFIG;
  }

  /** A declared major incident closes only once its postmortem is as far as configured. */
  private async requirePostmortemBeforeClose(row: IncidentRow) {
    if (row.declared_at === null || row.declared_at === undefined) {
      return;
    }
    const postmortem = await findPostmortemRow(this.deps.db, row.id);
    const reason = postmortemMissingReason({
      requirement: this.majorIncidents().closeRequiresPostmortem,
      postmortemStatus: postmortem
        ? ((postmortem.status ?? 'draft') as PostmortemStatus)
        : null,
    });
    if (reason) {
      throw new InputError(reason);
    }
  }

  private async linkedProblemIsKnownError(row: IncidentRow) {
    if (!row.problem_id) {
      return false;
    }
    const problem = await getRecordRow(this.deps.db, {
      recordType: 'problem',
      id: row.problem_id,
    });
    return Boolean(problem?.known_error);
  }
}

/**
 * Puts the reason of an edit on the timeline row of the priority it changes,
 * or on the impact and urgency rows when the priority stays; a 400 when the
 * edit changes neither impact nor urgency.
 */
function withReason(
  events: NewTimelineEvent[],
  input: { reason?: string; impact?: number; urgency?: number },
): void {
  if (input.reason === undefined) {
    return;
  }
  if (input.impact === undefined && input.urgency === undefined) {
    throw new InputError(
      'reason: explains a change of impact or urgency; send it with them',
    );
  }
  const priority = events.filter(event => event.field === 'priority');
  const reasoned = priority.length
    ? priority
    : events.filter(e => e.field === 'impact' || e.field === 'urgency');
  for (const event of reasoned) {
    event.body = input.reason;
  }
}
