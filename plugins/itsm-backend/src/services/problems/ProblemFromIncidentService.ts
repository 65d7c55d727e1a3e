import {
  PriorityMatrix,
  Problem,
  derivePriority,
  itsmProblemCreatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { IncidentRecords, incidentRecords } from '../../shared/recordKinds';
import { assertUnlinked } from './linkIncident';
import { openProblem } from './openProblem';

/** "Create problem from incident": a problem pre-filled from an incident (with its workaround), linked to it. */
export class ProblemFromIncidentService {
  private readonly incidents: IncidentRecords;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      priorityMatrix: PriorityMatrix;
      now?: () => number;
    },
  ) {
    this.incidents = incidentRecords(deps);
  }

  /** Opens the problem and links the incident, which may go on hold awaiting it. */
  async create(options: {
    incidentIdOrNumber: string;
    input: { title?: string; statement?: string; holdIncident: boolean };
    caller: Caller;
  }): Promise<Problem> {
    const { input, caller } = options;
    const { row: incidentRow, record: incident } =
      await this.incidents.getForUpdate(options.incidentIdOrNumber, caller);
    assertUnlinked(incidentRow);
    await this.deps.authorizer.require(
      itsmProblemCreatePermission,
      caller.credentials,
    );
    const now = this.deps.now?.() ?? Date.now();
    return this.deps.db.transaction(tx =>
      openProblem(tx, {
        fields: {
          title: input.title ?? incident.title,
          statement:
            input.statement ??
            `Recurring or underlying cause of ${incident.number}: ${incident.description}`,
          entity_ref: null,
          owner_ref: null,
          category: incident.category,
          impact: incident.impact,
          urgency: incident.urgency,
          priority: derivePriority({
            impact: incident.impact,
            urgency: incident.urgency,
            matrix: this.deps.priorityMatrix,
          }),
          assignee_ref: null,
          workaround: incident.workaround,
          source: 'from_incident',
        },
        affectedEntityRefs: [],
        link: { incident: incidentRow, holdIncident: input.holdIncident },
        actorRef: caller.actorRef,
        now,
      }),
    );
  }
}
