import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  Problem,
  formatIncidentNumber,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { unlinkIncidentFromProblem } from '../../database/problemLinks';
import { refreshAffectedEntities } from '../../database/refreshAffectedEntities';
import { IncidentRow, ProblemRow } from '../../database/tables';
import { appendTimeline } from '../../database/timeline';
import { touchRecord } from '../../database/records';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { linkEvents } from '../../shared/linkEvents';
import {
  IncidentRecords,
  ProblemRecords,
  incidentRecords,
  problemKind,
  problemRecords,
} from '../../shared/recordKinds';
import { linkIncidentInTransaction } from './linkIncident';

/** Links between incidents and problems; an incident has at most one problem. */
export class ProblemLinkService {
  private readonly problems: ProblemRecords;
  private readonly incidents: IncidentRecords;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      now?: () => number;
    },
  ) {
    this.problems = problemRecords(deps);
    this.incidents = incidentRecords(deps);
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /**
   * Links an incident to a problem; linking it again changes nothing. An
   * incident another problem holds is a 409 naming that problem, unless
   * `move` asks to take it from there in the same transaction.
   */
  async link(options: {
    problemIdOrNumber: string;
    incidentIdOrNumber: string;
    input: { holdIncident: boolean; move?: boolean };
    caller: Caller;
  }): Promise<Problem> {
    const { caller, input } = options;
    const { row, incident } = await this.linkEnds(options);
    if (incident.problem_id === row.id) {
      return this.problems.get(row.id, caller);
    }
    const holder = incident.problem_id
      ? await this.holderToMoveFrom({ incident, target: row, input, caller })
      : undefined;
    const now = this.now();
    return this.deps.db.transaction(async tx => {
      const free = holder
        ? await this.unlinkInTransaction(tx, {
            problem: holder,
            incident,
            caller,
            now,
          })
        : incident;
      if (holder) {
        await this.afterLinkChange(tx, { problem: holder, now });
      }
      await linkIncidentInTransaction(tx, {
        problem: row,
        incident: free,
        holdIncident: input.holdIncident,
        actorRef: caller.actorRef,
        now,
      });
      return this.afterLinkChange(tx, { problem: row, now });
    });
  }

  /**
   * The problem holding an incident, when the caller asked to move it and
   * may change that problem; otherwise the 409 that names it, if the caller
   * may read it.
   */
  private async holderToMoveFrom(options: {
    incident: IncidentRow;
    target: ProblemRow;
    input: { move?: boolean };
    caller: Caller;
  }): Promise<ProblemRow> {
    const { incident, target, caller } = options;
    const { row: holder, record } = await this.problems.find(
      incident.problem_id!,
    );
    if (options.input.move) {
      await this.problems.requireUpdate(record, caller);
      return holder;
    }
    const number = formatIncidentNumber(incident.number);
    try {
      await this.problems.requireRead(record, caller);
    } catch (error) {
      if (error instanceof NotAllowedError) {
        throw new ConflictError(
          `${number} is linked to another problem, which you may not read; its owners can unlink it`,
        );
      }
      throw error;
    }
    throw new ConflictError(
      `${number} is linked to ${record.number} “${
        record.title
      }”; move it here to link it to ${formatProblemNumber(
        target.number,
      )} instead`,
    );
  }

  /** Removes the link between an incident and a problem. */
  async unlink(options: {
    problemIdOrNumber: string;
    incidentIdOrNumber: string;
    caller: Caller;
  }): Promise<Problem> {
    const { caller } = options;
    const { row, incident } = await this.linkEnds(options);
    if (incident.problem_id !== row.id) {
      throw new NotFoundError(
        `${formatIncidentNumber(
          incident.number,
        )} is not linked to ${formatProblemNumber(row.number)}`,
      );
    }
    const now = this.now();
    return this.deps.db.transaction(async tx => {
      await this.unlinkInTransaction(tx, {
        problem: row,
        incident,
        caller,
        now,
      });
      return this.afterLinkChange(tx, { problem: row, now });
    });
  }

  /** Unlinks in the caller's transaction, with a timeline row on both; returns the incident as it now is. */
  private async unlinkInTransaction(
    tx: Knex.Transaction,
    options: {
      problem: ProblemRow;
      incident: IncidentRow;
      caller: Caller;
      now: number;
    },
  ): Promise<IncidentRow> {
    const { problem, incident, now } = options;
    const unlinked = await unlinkIncidentFromProblem(tx, {
      incidentId: incident.id,
      problemId: problem.id,
      now,
    });
    if (!unlinked) {
      throw new ConflictError('the link was changed by someone else; reload');
    }
    await appendTimeline(tx, {
      events: linkEvents({
        kind: 'unlinked',
        problem,
        incident,
        actorRef: options.caller.actorRef,
      }),
      now,
    });
    return {
      ...incident,
      problem_id: null,
      updated_at: now,
      version: Number(incident.version) + 1,
    };
  }

  /** The problem the caller may update and the incident, both by id or number. */
  private async linkEnds(options: {
    problemIdOrNumber: string;
    incidentIdOrNumber: string;
    caller: Caller;
  }) {
    const { row } = await this.problems.getForUpdate(
      options.problemIdOrNumber,
      options.caller,
    );
    const incident = await this.incidents.findRow(options.incidentIdOrNumber);
    return { row, incident };
  }

  /** Recounts the entities the problem hurts and returns it as it now is. */
  private async afterLinkChange(
    tx: Knex.Transaction,
    options: { problem: ProblemRow; now: number },
  ): Promise<Problem> {
    const { problem, now } = options;
    await refreshAffectedEntities(tx, { problemId: problem.id });
    await touchRecord(tx, { recordType: 'problem', id: problem.id, now });
    return problemKind.toRecord(tx, problem);
  }
}
