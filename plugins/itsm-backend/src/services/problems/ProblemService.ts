import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  IncidentStatus,
  Problem,
  PriorityMatrix,
  ProblemStatus,
  TimelineEvent,
  canPublishKnownError,
  checkIncidentTransition,
  checkProblemTransition,
  derivePriority,
  formatIncidentNumber,
  formatProblemNumber,
  isOpenIncidentStatus,
  itsmIncidentUpdatePermission,
  itsmProblemCreatePermission,
  itsmProblemReadPermission,
  itsmProblemUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { z } from 'zod';
import { Cursor } from '../../database/cursor';
import { findIncidentRow } from '../../database/incidents';
import { incidentFromRow } from '../../database/mappers';
import {
  ProblemFilter,
  findProblemRow,
  listProblems,
  problemsFromRows,
  refreshAffectedEntities,
  updateProblemRow,
} from '../../database/problems';
import { newProblemRow } from '../../database/newProblemRow';
import { takeNextNumber } from '../../database/sequences';
import { IncidentRow, ProblemRow } from '../../database/tables';
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
import { priorityAfterEdit } from '../../shared/priorityAfterEdit';
import { assertCurrentVersion } from '../../shared/staleVersion';
import { noteBody } from '../../service/validation/incidentSchemas';
import {
  createProblemBody,
  problemTransitionBody,
  publishKnownErrorBody,
  updateProblemBody,
} from '../../service/validation/problemSchemas';

type CreateProblemInput = z.infer<typeof createProblemBody>;

/** API field to column, for the fields PATCH may change. */
const PROBLEM_FIELD_COLUMNS: Record<string, keyof ProblemRow> = {
  title: 'title',
  statement: 'statement',
  entityRef: 'entity_ref',
  ownerRef: 'owner_ref',
  category: 'category',
  impact: 'impact',
  urgency: 'urgency',
  priority: 'priority',
  assigneeRef: 'assignee_ref',
  rootCause: 'root_cause',
  rcaMethod: 'rca_method',
  workaround: 'workaround',
  permanentFix: 'permanent_fix',
  symptoms: 'symptoms',
};

/** Problem use cases: root causes, known errors and incident links. */
export class ProblemService {
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

  /** Lists problems the caller may read. */
  async list(options: {
    filter: ProblemFilter;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    const restrict = await this.deps.authorizer.restrictionFor(
      itsmProblemReadPermission,
      options.caller.credentials,
    );
    return listProblems(this.deps.db, { ...options, restrict });
  }

  /** Known errors whose root-cause or affected entity is one of the given. */
  async listKnownErrors(options: {
    entityRefs?: string[];
    text?: string;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    return this.list({
      filter: {
        knownError: true,
        anyEntityRefs: options.entityRefs,
        text: options.text,
      },
      after: options.after,
      limit: options.limit,
      caller: options.caller,
    });
  }

  /** Loads one problem the caller may read. */
  async get(idOrNumber: string, caller: Caller): Promise<Problem> {
    const row = await this.findRow(idOrNumber);
    const problem = await this.toProblem(this.deps.db, row);
    await this.deps.authorizer.requireOn(
      itsmProblemReadPermission,
      { kind: 'problem', value: problem },
      caller.credentials,
    );
    return problem;
  }

  /** Throws a 403 unless the caller may update this problem. */
  async requireUpdate(problem: Problem, caller: Caller): Promise<void> {
    await this.deps.authorizer.requireOn(
      itsmProblemUpdatePermission,
      { kind: 'problem', value: problem },
      caller.credentials,
    );
  }

  private async getForUpdate(idOrNumber: string, caller: Caller) {
    const row = await this.findRow(idOrNumber);
    const problem = await this.toProblem(this.deps.db, row);
    await this.deps.authorizer.requireOn(
      itsmProblemUpdatePermission,
      { kind: 'problem', value: problem },
      caller.credentials,
    );
    return { row, problem };
  }

  private async findRow(idOrNumber: string): Promise<ProblemRow> {
    const row = await findProblemRow(this.deps.db, idOrNumber);
    if (!row) {
      throw new NotFoundError(`No problem '${idOrNumber}'`);
    }
    return row;
  }

  private async toProblem(db: Knex, row: ProblemRow): Promise<Problem> {
    const [problem] = await problemsFromRows(db, [row]);
    return problem;
  }

  private async resolveEntities(
    input: { entityRef?: string | null; affectedEntityRefs?: string[] },
    caller: Caller,
  ) {
    const root =
      input.entityRef === undefined || input.entityRef === null
        ? input.entityRef
        : await this.deps.entities.resolve({
            ref: input.entityRef,
            field: 'entityRef',
            credentials: caller.credentials,
          });
    const affected =
      input.affectedEntityRefs &&
      (await Promise.all(
        input.affectedEntityRefs.map(async (ref, index) => {
          const resolved = await this.deps.entities.resolve({
            ref,
            field: `affectedEntityRefs.${index}`,
            credentials: caller.credentials,
          });
          return resolved.entityRef;
        }),
      ));
    return { root, affected: affected && [...new Set(affected)] };
  }

  /** Opens a problem; `link` also links an incident in the same transaction. */
  async create(
    input: CreateProblemInput,
    caller: Caller,
    options: {
      source?: Problem['source'];
      link?: { incident: IncidentRow; holdIncident: boolean };
    } = {},
  ): Promise<Problem> {
    await this.deps.authorizer.require(
      itsmProblemCreatePermission,
      caller.credentials,
    );
    const { root, affected } = await this.resolveEntities(input, caller);
    const assigneeRef = await this.deps.entities.resolvePerson({
      ref: input.assigneeRef,
      field: 'assigneeRef',
      credentials: caller.credentials,
    });
    const now = this.now();
    return this.deps.db.transaction(async tx => {
      const row = newProblemRow({
        id: randomUUID(),
        number: await takeNextNumber(tx, 'problem'),
        title: input.title,
        statement: input.statement,
        entity_ref: root?.entityRef ?? null,
        owner_ref: root?.ownerRef ?? null,
        category: input.category,
        impact: input.impact,
        urgency: input.urgency,
        priority: derivePriority({
          impact: input.impact,
          urgency: input.urgency,
          matrix: this.deps.priorityMatrix,
        }),
        assignee_ref: assigneeRef ?? null,
        reporter_ref: caller.actorRef,
        source: options.source ?? 'manual',
        created_at: now,
      });
      await tx('itsm_problems').insert(row);
      await appendTimeline(
        tx,
        [
          {
            recordType: 'problem',
            recordId: row.id,
            kind: 'created',
            actorRef: caller.actorRef,
            body: row.title,
          },
        ],
        now,
      );
      if (options.link) {
        await this.linkInTransaction(tx, {
          problem: row,
          incident: options.link.incident,
          holdIncident: options.link.holdIncident,
          actorRef: caller.actorRef,
          now,
        });
      }
      await refreshAffectedEntities(tx, row.id, affected ?? []);
      return this.toProblem(tx, row);
    });
  }

  /** Opens a problem pre-filled from an incident and links the incident. */
  async createFromIncident(
    incidentIdOrNumber: string,
    input: { title?: string; statement?: string; holdIncident: boolean },
    caller: Caller,
  ): Promise<Problem> {
    const incidentRow = await findIncidentRow(this.deps.db, incidentIdOrNumber);
    if (!incidentRow) {
      throw new NotFoundError(`No incident '${incidentIdOrNumber}'`);
    }
    const incident = incidentFromRow(incidentRow);
    await this.deps.authorizer.requireOn(
      itsmIncidentUpdatePermission,
      { kind: 'incident', value: incident },
      caller.credentials,
    );
    assertUnlinked(incidentRow);
    return this.create(
      {
        title: input.title ?? incident.title,
        statement:
          input.statement ??
          `Recurring or underlying cause of ${incident.number}: ${incident.description}`,
        entityRef: null,
        affectedEntityRefs: [],
        category: incident.category,
        impact: incident.impact,
        urgency: incident.urgency,
      },
      caller,
      {
        source: 'from_incident',
        link: { incident: incidentRow, holdIncident: input.holdIncident },
      },
    );
  }

  /** Changes fields of a problem, checking the version read by the caller. */
  async update(
    idOrNumber: string,
    input: z.infer<typeof updateProblemBody>,
    caller: Caller,
  ): Promise<Problem> {
    const { row } = await this.getForUpdate(idOrNumber, caller);
    assertWritable(row, input.version);
    const { root, affected } = await this.resolveEntities(input, caller);
    const requested: Record<string, unknown> = { ...input };
    delete requested.version;
    delete requested.affectedEntityRefs;
    if (root !== undefined) {
      requested.entityRef = root?.entityRef ?? null;
      requested.ownerRef = root?.ownerRef ?? null;
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
    const after = {
      rootCause:
        input.rootCause === undefined ? row.root_cause : input.rootCause,
      workaround:
        input.workaround === undefined ? row.workaround : input.workaround,
    };
    if (Boolean(row.known_error) && !canPublishKnownError(after)) {
      throw new InputError(
        'rootCause and workaround: a known error must keep both; they cannot be cleared',
      );
    }
    const now = this.now();
    const { changes, events } = diffFields({
      row,
      requested,
      columns: PROBLEM_FIELD_COLUMNS,
      event: {
        recordType: 'problem',
        recordId: row.id,
        actorRef: caller.actorRef,
      },
    });
    return this.write(
      row,
      input.version,
      { ...changes, updated_at: now },
      events,
      now,
      async tx => {
        if (affected) {
          await refreshAffectedEntities(tx, row.id, affected);
        }
      },
    );
  }

  /** Moves a problem through its lifecycle. */
  async transition(
    idOrNumber: string,
    input: z.infer<typeof problemTransitionBody>,
    caller: Caller,
  ): Promise<Problem> {
    const { row } = await this.getForUpdate(idOrNumber, caller);
    assertCurrentVersion({
      record: 'problem',
      sent: input.version,
      current: row.version,
    });
    let duplicateOf: string | undefined;
    if (input.duplicateOf) {
      const original = await findProblemRow(this.deps.db, input.duplicateOf);
      if (!original || original.id === row.id) {
        throw new InputError(
          `duplicateOf: '${input.duplicateOf}' is not another existing problem`,
        );
      }
      duplicateOf = original.id;
    }
    const from = row.status as ProblemStatus;
    const check = checkProblemTransition({
      from,
      to: input.to,
      fields: {
        resolutionCode: input.resolutionCode,
        permanentFix: row.permanent_fix ?? undefined,
        duplicateOf,
      },
    });
    if (!check.ok) {
      throw new InputError(check.reason);
    }
    const now = this.now();
    const changes: Partial<ProblemRow> = { status: input.to, updated_at: now };
    if (input.to === 'resolved' || input.to === 'closed') {
      if (input.resolutionCode) {
        changes.resolution_code = input.resolutionCode;
      }
      if (input.resolutionNotes) {
        changes.resolution_notes = input.resolutionNotes;
      }
      if (duplicateOf) {
        changes.duplicate_of = duplicateOf;
      }
    }
    if (input.to === 'resolved') {
      changes.resolved_at = now;
    }
    if (input.to === 'closed') {
      changes.closed_at = now;
    }
    if (from === 'resolved' && input.to === 'root_cause_analysis') {
      changes.resolved_at = null;
      changes.resolution_code = null;
    }
    const event: NewTimelineEvent = {
      recordType: 'problem',
      recordId: row.id,
      kind: 'transition',
      actorRef: caller.actorRef,
      field: 'status',
      oldValue: from,
      newValue: input.to,
      body: input.resolutionNotes,
    };
    return this.write(row, input.version, changes, [event], now);
  }

  /** Publishes a problem to the known error database. */
  async publishKnownError(
    idOrNumber: string,
    input: z.infer<typeof publishKnownErrorBody>,
    caller: Caller,
  ): Promise<Problem> {
    const { row } = await this.getForUpdate(idOrNumber, caller);
    assertWritable(row, input.version);
    if (row.known_error) {
      throw new ConflictError(
        `${formatProblemNumber(row.number)} is already a known error`,
      );
    }
    const missing = [
      row.root_cause ? undefined : 'rootCause',
      row.workaround ? undefined : 'workaround',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new InputError(
        `${missing.join(
          ' and ',
        )}: must be documented before publishing a known error`,
      );
    }
    const now = this.now();
    const changes: Partial<ProblemRow> = {
      known_error: true,
      known_error_at: now,
      updated_at: now,
    };
    if (input.symptoms) {
      changes.symptoms = input.symptoms;
    }
    const event: NewTimelineEvent = {
      recordType: 'problem',
      recordId: row.id,
      kind: 'field_changed',
      actorRef: caller.actorRef,
      field: 'knownError',
      oldValue: false,
      newValue: true,
      body: 'Published as a known error',
    };
    return this.write(row, input.version, changes, [event], now);
  }

  /** Links an incident to a problem; an incident has at most one problem. */
  async linkIncident(
    problemIdOrNumber: string,
    incidentIdOrNumber: string,
    input: { holdIncident: boolean },
    caller: Caller,
  ): Promise<Problem> {
    const { row } = await this.getForUpdate(problemIdOrNumber, caller);
    const incident = await this.findIncident(incidentIdOrNumber);
    if (incident.problem_id === row.id) {
      return this.get(row.id, caller);
    }
    assertUnlinked(incident);
    const now = this.now();
    return this.deps.db.transaction(async tx => {
      await this.linkInTransaction(tx, {
        problem: row,
        incident,
        holdIncident: input.holdIncident,
        actorRef: caller.actorRef,
        now,
      });
      await refreshAffectedEntities(tx, row.id);
      await tx('itsm_problems')
        .where({ id: row.id })
        .update({ updated_at: now });
      return this.toProblem(tx, row);
    });
  }

  /** Removes the link between an incident and a problem. */
  async unlinkIncident(
    problemIdOrNumber: string,
    incidentIdOrNumber: string,
    caller: Caller,
  ): Promise<Problem> {
    const { row } = await this.getForUpdate(problemIdOrNumber, caller);
    const incident = await this.findIncident(incidentIdOrNumber);
    if (incident.problem_id !== row.id) {
      throw new NotFoundError(
        `${formatIncidentNumber(
          incident.number,
        )} is not linked to ${formatProblemNumber(row.number)}`,
      );
    }
    const now = this.now();
    return this.deps.db.transaction(async tx => {
      const updated = await tx('itsm_incidents')
        .where({ id: incident.id, problem_id: row.id })
        .update({
          problem_id: null,
          updated_at: now,
          version: tx.raw('version + 1'),
        });
      if (updated !== 1) {
        throw new ConflictError('the link was changed by someone else; reload');
      }
      await appendTimeline(
        tx,
        linkEvents('unlinked', row, incident, caller.actorRef),
        now,
      );
      await refreshAffectedEntities(tx, row.id);
      await tx('itsm_problems')
        .where({ id: row.id })
        .update({ updated_at: now });
      return this.toProblem(tx, row);
    });
  }

  private async findIncident(idOrNumber: string): Promise<IncidentRow> {
    const incident = await findIncidentRow(this.deps.db, idOrNumber);
    if (!incident) {
      throw new NotFoundError(`No incident '${idOrNumber}'`);
    }
    return incident;
  }

  private async linkInTransaction(
    tx: Knex.Transaction,
    options: {
      problem: ProblemRow;
      incident: IncidentRow;
      holdIncident: boolean;
      actorRef: string;
      now: number;
    },
  ) {
    const { problem, incident, holdIncident, actorRef, now } = options;
    const changes: Partial<IncidentRow> = {
      problem_id: problem.id,
      updated_at: now,
    };
    const events = linkEvents('linked', problem, incident, actorRef);
    const status = incident.status as IncidentStatus;
    if (
      holdIncident &&
      isOpenIncidentStatus(status) &&
      checkIncidentTransition({
        from: status,
        to: 'on_hold',
        fields: { holdReason: 'awaiting_problem' },
      }).ok
    ) {
      changes.status = 'on_hold';
      changes.hold_reason = 'awaiting_problem';
      if (incident.acknowledged_at === null) {
        changes.acknowledged_at = now;
      }
      events.push({
        recordType: 'incident',
        recordId: incident.id,
        kind: 'transition',
        actorRef,
        field: 'status',
        oldValue: incident.status,
        newValue: 'on_hold',
        body: 'awaiting_problem',
      });
    }
    const updated = await tx('itsm_incidents')
      .where({ id: incident.id, version: incident.version })
      .whereNull('problem_id')
      .update({ ...changes, version: Number(incident.version) + 1 });
    if (updated !== 1) {
      throw new ConflictError(
        `${formatIncidentNumber(
          incident.number,
        )} was changed by someone else; reload it and link again`,
      );
    }
    await appendTimeline(tx, events, now);
  }

  /** Adds an internal note or a public status update. */
  async addNote(
    idOrNumber: string,
    input: z.infer<typeof noteBody>,
    caller: Caller,
  ): Promise<TimelineEvent> {
    const { row } = await this.getForUpdate(idOrNumber, caller);
    return addNoteToTimeline(this.deps.db, {
      recordType: 'problem',
      table: 'itsm_problems',
      recordId: row.id,
      visibility: input.visibility,
      body: input.body,
      actorRef: caller.actorRef,
      now: this.now(),
    });
  }

  /** The timeline of a problem the caller may read. */
  async timeline(
    idOrNumber: string,
    options: { after?: Cursor; limit: number },
    caller: Caller,
  ) {
    const problem = await this.get(idOrNumber, caller);
    return listTimeline(this.deps.db, {
      recordType: 'problem',
      recordId: problem.id,
      ...options,
    });
  }

  private async write(
    row: ProblemRow,
    version: number,
    changes: Partial<ProblemRow>,
    events: NewTimelineEvent[],
    now: number,
    alsoInTransaction?: (tx: Knex.Transaction) => Promise<void>,
  ): Promise<Problem> {
    return this.deps.db.transaction(async tx => {
      const updated = await updateProblemRow(tx, {
        id: row.id,
        version,
        changes,
      });
      if (!updated) {
        throw new ConflictError(
          `${formatProblemNumber(
            row.number,
          )} was changed by someone else; reload it and apply your change again`,
        );
      }
      await alsoInTransaction?.(tx);
      await appendTimeline(tx, events, now);
      const fresh = await tx<ProblemRow>('itsm_problems')
        .where({ id: row.id })
        .first();
      return this.toProblem(tx, fresh!);
    });
  }
}

function linkEvents(
  kind: 'linked' | 'unlinked',
  problem: ProblemRow,
  incident: IncidentRow,
  actorRef: string,
): NewTimelineEvent[] {
  return [
    {
      recordType: 'problem',
      recordId: problem.id,
      kind,
      actorRef,
      field: 'incident',
      newValue: incident.id,
      body: formatIncidentNumber(incident.number),
    },
    {
      recordType: 'incident',
      recordId: incident.id,
      kind,
      actorRef,
      field: 'problem',
      newValue: problem.id,
      body: formatProblemNumber(problem.number),
    },
  ];
}

function assertUnlinked(incident: IncidentRow) {
  if (incident.problem_id) {
    throw new ConflictError(
      `${formatIncidentNumber(
        incident.number,
      )} is already linked to another problem; unlink it first`,
    );
  }
}

function assertWritable(row: ProblemRow, version: number) {
  assertCurrentVersion({
    record: 'problem',
    sent: version,
    current: row.version,
  });
  if (row.status === 'closed') {
    throw new ConflictError(
      'the problem is closed and can no longer be changed',
    );
  }
}
