import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Problem,
  formatIncidentNumber,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { unlinkIncidentFromProblem } from '../../database/problemLinks';
import { refreshAffectedEntities } from '../../database/refreshAffectedEntities';
import { ProblemRow } from '../../database/tables';
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
import { assertUnlinked, linkIncidentInTransaction } from './linkIncident';

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

  /** Links an incident to a problem; linking it again changes nothing. */
  async link(options: {
    problemIdOrNumber: string;
    incidentIdOrNumber: string;
    input: { holdIncident: boolean };
    caller: Caller;
  }): Promise<Problem> {
    const { caller } = options;
    const { row, incident } = await this.linkEnds(options);
    if (incident.problem_id === row.id) {
      return this.problems.get(row.id, caller);
    }
    assertUnlinked(incident);
    const now = this.now();
    return this.deps.db.transaction(async tx => {
      await linkIncidentInTransaction(tx, {
        problem: row,
        incident,
        holdIncident: options.input.holdIncident,
        actorRef: caller.actorRef,
        now,
      });
      return this.afterLinkChange(tx, { problem: row, now });
    });
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
      const unlinked = await unlinkIncidentFromProblem(tx, {
        incidentId: incident.id,
        problemId: row.id,
        now,
      });
      if (!unlinked) {
        throw new ConflictError('the link was changed by someone else; reload');
      }
      await appendTimeline(tx, {
        events: linkEvents({
          kind: 'unlinked',
          problem: row,
          incident,
          actorRef: caller.actorRef,
        }),
        now,
      });
      return this.afterLinkChange(tx, { problem: row, now });
    });
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
