import { InputError } from '@backstage/errors';
import {
  Incident,
  IncidentStatus,
  checkIncidentTransition,
  derivePriority,
  itsmIncidentCreatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { IncidentFilter } from '../../database/incidents';
import { insertIncident } from '../../database/insertIncident';
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
          major: input.major ?? priority === 1,
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
    const check = checkIncidentTransition({
      from,
      to: input.to,
      fields: {
        holdReason: input.holdReason,
        resolutionCode: input.resolutionCode,
        resolutionNotes: input.resolutionNotes,
        linkedProblemIsKnownError: await this.linkedProblemIsKnownError(row),
        hasLinkedProblem: row.problem_id !== null,
      },
    });
    if (!check.ok) {
      throw new InputError(check.reason);
    }
    const now = this.now();
    const changes = incidentTransitionChanges({
      row,
      to: input.to,
      holdReason: input.holdReason,
      resolutionCode: input.resolutionCode,
      resolutionNotes: input.resolutionNotes,
      now,
    });
    return this.records.save({
      row,
      version: input.version,
      changes,
      events: [
        transitionEvent({
          recordType: 'incident',
          recordId: row.id,
          actorRef: caller.actorRef,
          from,
          to: input.to,
          body: input.resolutionNotes ?? input.holdReason,
        }),
      ],
      now,
    });
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
