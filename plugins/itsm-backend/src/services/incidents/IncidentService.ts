import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Incident,
  IncidentStatus,
  PriorityMatrix,
  TimelineEvent,
  checkIncidentTransition,
  derivePriority,
  formatIncidentNumber,
  isTerminalIncidentStatus,
  itsmIncidentCreatePermission,
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Cursor } from '../../database/cursor';
import {
  IncidentFilter,
  findIncidentRow,
  listIncidents,
  updateIncidentRow,
} from '../../database/incidents';
import { incidentFromRow } from '../../database/mappers';
import { insertIncident } from '../../database/insertIncident';
import { IncidentRow, ProblemRow } from '../../database/tables';
import { fromIso } from '../../database/time';
import {
  NewTimelineEvent,
  addNoteToTimeline,
  appendTimeline,
  listTimeline,
} from '../../database/timeline';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { CatalogEntities } from '../../shared/catalogEntities';
import { diffFields } from '../../shared/diffFields';
import { incidentTransitionChanges } from '../../shared/incidentTransitionChanges';
import { priorityAfterEdit } from '../../shared/priorityAfterEdit';
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
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      entities: CatalogEntities;
      priorityMatrix: PriorityMatrix;
      now?: () => number;
    },
  ) {}

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
    const row = await this.findRow(idOrNumber);
    const incident = incidentFromRow(row);
    await this.deps.authorizer.requireOn(
      itsmIncidentReadPermission,
      { kind: 'incident', value: incident },
      caller.credentials,
    );
    return incident;
  }

  /** Loads an incident the caller may update. */
  async getForUpdate(idOrNumber: string, caller: Caller) {
    const row = await this.findRow(idOrNumber);
    const incident = incidentFromRow(row);
    await this.deps.authorizer.requireOn(
      itsmIncidentUpdatePermission,
      { kind: 'incident', value: incident },
      caller.credentials,
    );
    return { row, incident };
  }

  private async findRow(idOrNumber: string): Promise<IncidentRow> {
    const row = await findIncidentRow(this.deps.db, idOrNumber);
    if (!row) {
      throw new NotFoundError(`No incident '${idOrNumber}'`);
    }
    return row;
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
      const row = await insertIncident(
        tx,
        {
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
      );
      return incidentFromRow(row);
    });
  }

  /** Changes fields of an open incident, checking the version read by the caller. */
  async update(
    idOrNumber: string,
    input: z.infer<typeof updateIncidentBody>,
    caller: Caller,
  ): Promise<Incident> {
    const { row } = await this.getForUpdate(idOrNumber, caller);
    assertWritable(row, input.version);
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
    return this.write(
      row,
      input.version,
      { ...changes, updated_at: now },
      events,
      now,
    );
  }

  /** Moves an incident through its lifecycle. */
  async transition(
    idOrNumber: string,
    input: z.infer<typeof incidentTransitionBody>,
    caller: Caller,
  ): Promise<Incident> {
    const { row } = await this.getForUpdate(idOrNumber, caller);
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
    return this.write(row, input.version, changes, [event], now);
  }

  /** Adds an internal note or a public status update. */
  async addNote(
    idOrNumber: string,
    input: z.infer<typeof noteBody>,
    caller: Caller,
  ): Promise<TimelineEvent> {
    const { row } = await this.getForUpdate(idOrNumber, caller);
    return addNoteToTimeline(this.deps.db, {
      recordType: 'incident',
      table: 'itsm_incidents',
      recordId: row.id,
      visibility: input.visibility,
      body: input.body,
      actorRef: caller.actorRef,
      now: this.now(),
    });
  }

  /** The timeline of an incident the caller may read. */
  async timeline(
    idOrNumber: string,
    options: { after?: Cursor; limit: number },
    caller: Caller,
  ) {
    const incident = await this.get(idOrNumber, caller);
    return listTimeline(this.deps.db, {
      recordType: 'incident',
      recordId: incident.id,
      ...options,
    });
  }

  private async linkedProblemIsKnownError(row: IncidentRow) {
    if (!row.problem_id) {
      return false;
    }
    const problem: ProblemRow | undefined = await this.deps
      .db('itsm_problems')
      .where({ id: row.problem_id })
      .first();
    return Boolean(problem?.known_error);
  }

  private async write(
    row: IncidentRow,
    version: number,
    changes: Partial<IncidentRow>,
    events: NewTimelineEvent[],
    now: number,
  ): Promise<Incident> {
    return this.deps.db.transaction(async tx => {
      const updated = await updateIncidentRow(tx, {
        id: row.id,
        version,
        changes,
      });
      if (!updated) {
        throw new ConflictError(
          `${formatIncidentNumber(
            row.number,
          )} was changed by someone else; reload it and apply your change again`,
        );
      }
      await appendTimeline(tx, events, now);
      const fresh = await tx<IncidentRow>('itsm_incidents')
        .where({ id: row.id })
        .first();
      return incidentFromRow(fresh!);
    });
  }
}

function assertWritable(row: IncidentRow, version: number) {
  assertCurrentVersion({
    record: 'incident',
    sent: version,
    current: row.version,
  });
  if (isTerminalIncidentStatus(row.status as IncidentStatus)) {
    throw new ConflictError(
      `the incident is ${row.status} and can no longer be changed`,
    );
  }
}
