import { InputError } from '@backstage/errors';
import {
  PriorityMatrix,
  Problem,
  ProblemStatus,
  TimelineEvent,
  canPublishKnownError,
  checkProblemTransition,
  derivePriority,
  itsmProblemCreatePermission,
  itsmProblemReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Cursor } from '../../database/cursor';
import {
  ProblemFilter,
  findProblemRow,
  listProblems,
} from '../../database/problems';
import { refreshAffectedEntities } from '../../database/refreshAffectedEntities';
import { ProblemRow } from '../../database/tables';
import { NewTimelineEvent } from '../../database/timeline';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { CatalogEntities } from '../../shared/catalogEntities';
import { diffFields } from '../../shared/diffFields';
import { priorityAfterEdit } from '../../shared/priorityAfterEdit';
import { RecordAccess } from '../../shared/recordAccess';
import { problemKind } from '../../shared/recordKinds';
import { assertCurrentVersion } from '../../shared/staleVersion';
import { noteBody } from '../../service/validation/incidentSchemas';
import {
  createProblemBody,
  problemTransitionBody,
  updateProblemBody,
} from '../../service/validation/problemSchemas';
import { openProblem } from './openProblem';
import { resolveProblemEntities } from './resolveProblemEntities';

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

/** Problem records: opening, editing, the lifecycle, notes and the timeline. */
export class ProblemService {
  private readonly records: RecordAccess<ProblemRow, Problem>;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      entities: CatalogEntities;
      priorityMatrix: PriorityMatrix;
      now?: () => number;
    },
  ) {
    this.records = new RecordAccess({ ...deps, kind: problemKind });
  }

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

  /** Loads one problem the caller may read. */
  async get(idOrNumber: string, caller: Caller): Promise<Problem> {
    return this.records.get(idOrNumber, caller);
  }

  /** Opens a problem; the reporter is the caller. */
  async create(
    input: z.infer<typeof createProblemBody>,
    caller: Caller,
  ): Promise<Problem> {
    await this.deps.authorizer.require(
      itsmProblemCreatePermission,
      caller.credentials,
    );
    const { root, affected } = await resolveProblemEntities({
      entities: this.deps.entities,
      input,
      caller,
    });
    const assigneeRef = await this.deps.entities.resolvePerson({
      ref: input.assigneeRef,
      field: 'assigneeRef',
      credentials: caller.credentials,
    });
    const now = this.now();
    return this.deps.db.transaction(tx =>
      openProblem(tx, {
        fields: {
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
          source: 'manual',
        },
        affectedEntityRefs: affected ?? [],
        actorRef: caller.actorRef,
        now,
      }),
    );
  }

  /** Changes fields of a problem, checking the version read by the caller. */
  async update(options: {
    idOrNumber: string;
    input: z.infer<typeof updateProblemBody>;
    caller: Caller;
  }): Promise<Problem> {
    const { input, caller } = options;
    const { row } = await this.records.getForUpdate(options.idOrNumber, caller);
    this.records.assertWritable(row, input.version);
    const { root, affected } = await resolveProblemEntities({
      entities: this.deps.entities,
      input,
      caller,
    });
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
    return this.records.save({
      row,
      version: input.version,
      changes: { ...changes, updated_at: now },
      events,
      now,
      alsoInTransaction: async tx => {
        if (affected) {
          await refreshAffectedEntities(tx, {
            problemId: row.id,
            explicitEntityRefs: affected,
          });
        }
      },
    });
  }

  /** Moves a problem through its lifecycle. */
  async transition(options: {
    idOrNumber: string;
    input: z.infer<typeof problemTransitionBody>;
    caller: Caller;
  }): Promise<Problem> {
    const { input, caller } = options;
    const { row } = await this.records.getForUpdate(options.idOrNumber, caller);
    assertCurrentVersion({
      record: 'problem',
      sent: input.version,
      current: row.version,
    });
    const duplicateOf = await this.duplicateOf(row, input.duplicateOf);
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
    return this.records.save({
      row,
      version: input.version,
      changes,
      events: [event],
      now,
    });
  }

  /** The id of the problem a duplicate points to; a 400 unless it is another existing one. */
  private async duplicateOf(
    row: ProblemRow,
    idOrNumber: string | undefined,
  ): Promise<string | undefined> {
    if (!idOrNumber) {
      return undefined;
    }
    const original = await findProblemRow(this.deps.db, idOrNumber);
    if (!original || original.id === row.id) {
      throw new InputError(
        `duplicateOf: '${idOrNumber}' is not another existing problem`,
      );
    }
    return original.id;
  }

  /** Adds an internal note or a public status update. */
  async addNote(options: {
    idOrNumber: string;
    input: z.infer<typeof noteBody>;
    caller: Caller;
  }): Promise<TimelineEvent> {
    return this.records.addNote({ ...options, now: this.now() });
  }

  /** The timeline of a problem the caller may read, one page at a time. */
  async timeline(options: {
    idOrNumber: string;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    return this.records.timeline(options);
  }
}
