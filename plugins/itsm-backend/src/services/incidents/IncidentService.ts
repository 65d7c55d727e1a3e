import { InputError } from '@backstage/errors';
import {
  Incident,
  IncidentStatus,
  PriorityMatrix,
  TimelineEvent,
  checkIncidentTransition,
  derivePriority,
  itsmIncidentCreatePermission,
  itsmIncidentReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Cursor } from '../../database/cursor';
import { IncidentFilter, listIncidents } from '../../database/incidents';
import { insertIncident } from '../../database/insertIncident';
import { incidentFromRow } from '../../database/mappers';
import { getProblemRow } from '../../database/problems';
import { IncidentRow } from '../../database/tables';
import { fromIso } from '../../database/time';
import { NewTimelineEvent } from '../../database/timeline';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { CatalogEntities } from '../../shared/catalogEntities';
import { diffFields } from '../../shared/diffFields';
import { incidentTransitionChanges } from '../../shared/incidentTransitionChanges';
import { priorityAfterEdit } from '../../shared/priorityAfterEdit';
import { RecordAccess } from '../../shared/recordAccess';
import { incidentKind } from '../../shared/recordKinds';
import { assertCurrentVersion } from '../../shared/staleVersion';
import {
  createIncidentBody,
  incidentTransitionBody,
  noteBody,
  updateIncidentBody,
} from '../../service/validation/incidentSchemas';

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
export class IncidentService {
  private readonly records: RecordAccess<IncidentRow, Incident>;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      entities: CatalogEntities;
      priorityMatrix: PriorityMatrix;
      now?: () => number;
    },
  ) {
    this.records = new RecordAccess({ ...deps, kind: incidentKind });
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** Lists incidents the caller may read. */
  async list(options: {
    filter: IncidentFilter;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    const restrict = await this.deps.authorizer.restrictionFor(
      itsmIncidentReadPermission,
      options.caller.credentials,
    );
    return listIncidents(this.deps.db, { ...options, restrict });
  }

  /** Loads one incident, with a 404 for unknown ids and a 403 when not readable. */
  async get(idOrNumber: string, caller: Caller): Promise<Incident> {
    return this.records.get(idOrNumber, caller);
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
    if (input.assigneeRef !== undefined) {
      requested.assigneeRef = await this.deps.entities.resolvePerson({
        ref: input.assigneeRef,
        field: 'assigneeRef',
        credentials: caller.credentials,
      });
    }
    requested.priority = priorityAfterEdit({
      input,
      row,
      matrix: this.deps.priorityMatrix,
    });
    const now = this.now();
    const { changes, events } = diffFields({
      row,
      requested,
      columns: INCIDENT_FIELD_COLUMNS,
      event: {
        recordType: 'incident',
        recordId: row.id,
        actorRef: caller.actorRef,
      },
    });
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
    const { row } = await this.records.getForUpdate(options.idOrNumber, caller);
    assertCurrentVersion({
      record: 'incident',
      sent: input.version,
      current: row.version,
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
    const event: NewTimelineEvent = {
      recordType: 'incident',
      recordId: row.id,
      kind: 'transition',
      actorRef: caller.actorRef,
      field: 'status',
      oldValue: from,
      newValue: input.to,
      body: input.resolutionNotes ?? input.holdReason,
    };
    return this.records.save({
      row,
      version: input.version,
      changes,
      events: [event],
      now,
    });
  }

  /** Adds an internal note or a public status update. */
  async addNote(options: {
    idOrNumber: string;
    input: z.infer<typeof noteBody>;
    caller: Caller;
  }): Promise<TimelineEvent> {
    return this.records.addNote({ ...options, now: this.now() });
  }

  /** The timeline of an incident the caller may read, one page at a time. */
  async timeline(options: {
    idOrNumber: string;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    return this.records.timeline(options);
  }

  private async linkedProblemIsKnownError(row: IncidentRow) {
    if (!row.problem_id) {
      return false;
    }
    const problem = await getProblemRow(this.deps.db, row.problem_id);
    return Boolean(problem?.known_error);
  }
}
