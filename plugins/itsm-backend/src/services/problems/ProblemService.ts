import { InputError } from '@backstage/errors';
import {
  Problem,
  ProblemStatus,
  canPublishKnownError,
  checkProblemTransition,
  derivePriority,
  isProblemProposal,
  itsmProblemCreatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { ProblemFilter, findProblemRow } from '../../database/problems';
import { entitiesOfLinkedIncidents } from '../../database/affectedEntities';
import { refreshAffectedEntities } from '../../database/refreshAffectedEntities';
import { ProblemRow } from '../../database/tables';
import { Caller } from '../../shared/caller';
import { problemKind } from '../../shared/recordKinds';
import { RecordService, RecordServiceDeps } from '../../shared/recordService';
import { transitionEvent } from '../../shared/transitionEvent';
import {
  createProblemBody,
  problemTransitionBody,
  updateProblemBody,
} from '@backstage-itsm/plugin-itsm-common';
import { affectedEntityChanges } from './affectedEntityChanges';
import { openProblem } from './openProblem';
import { releaseIncidents } from './releaseIncidents';
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
export class ProblemService extends RecordService<
  'problem',
  Problem,
  ProblemFilter
> {
  constructor(deps: RecordServiceDeps) {
    super(deps, problemKind);
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
    const { row, record } = await this.records.getForUpdate(
      options.idOrNumber,
      caller,
    );
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
    const { changes, events } = await this.fieldChanges({
      row,
      input,
      requested,
      columns: PROBLEM_FIELD_COLUMNS,
      caller,
    });
    if (affected) {
      events.push(
        ...affectedEntityChanges({
          problemId: row.id,
          before: record.affectedEntityRefs,
          requested: affected,
          fromIncidents: await entitiesOfLinkedIncidents(this.deps.db, row.id),
          actorRef: caller.actorRef,
        }),
      );
    }
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

  /**
   * Moves a problem through its lifecycle. Closing a detected proposal
   * rejects it: the reason is required and its incidents are released.
   */
  async transition(options: {
    idOrNumber: string;
    input: z.infer<typeof problemTransitionBody>;
    caller: Caller;
  }): Promise<Problem> {
    const { input, caller } = options;
    const row = await this.records.getCurrentForUpdate({
      idOrNumber: options.idOrNumber,
      version: input.version,
      caller,
    });
    const duplicateOf = await this.duplicateOf(row, input.duplicateOf);
    const from = row.status as ProblemStatus;
    const proposal = isProblemProposal({
      source: row.source as Problem['source'],
      status: from,
    });
    const check = checkProblemTransition({
      from,
      to: input.to,
      fields: {
        resolutionCode: input.resolutionCode,
        resolutionNotes: input.resolutionNotes,
        permanentFix: row.permanent_fix ?? undefined,
        duplicateOf,
        proposal,
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
    return this.records.save({
      row,
      version: input.version,
      changes,
      events: [
        transitionEvent({
          recordType: 'problem',
          recordId: row.id,
          actorRef: caller.actorRef,
          from,
          to: input.to,
          body: input.resolutionNotes,
        }),
      ],
      now,
      alsoInTransaction:
        proposal && input.to === 'closed'
          ? tx =>
              releaseIncidents(tx, {
                problem: row,
                why: `proposal rejected: ${input.resolutionNotes}`,
                actorRef: caller.actorRef,
                now,
              })
          : undefined,
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
}
