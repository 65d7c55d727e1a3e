import { ConflictError } from '@backstage/errors';
import {
  IncidentStatus,
  checkIncidentTransition,
  formatIncidentNumber,
  isOpenIncidentStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { linkIncidentToProblem } from '../../database/problemLinks';
import { IncidentRow, ProblemRow } from '../../database/tables';
import { NewTimelineEvent, appendTimeline } from '../../database/timeline';
import { incidentTransitionChanges } from '../../shared/incidentTransitionChanges';
import { linkEvents } from '../../shared/linkEvents';
import { transitionEvent } from '../../shared/transitionEvent';

/** Throws a 409 when the incident already belongs to a problem. */
export function assertUnlinked(incident: IncidentRow): void {
  if (incident.problem_id) {
    throw new ConflictError(
      `${formatIncidentNumber(
        incident.number,
      )} is already linked to another problem; unlink it first`,
    );
  }
}

function mayHoldForProblem(incident: IncidentRow): boolean {
  const status = incident.status as IncidentStatus;
  return (
    isOpenIncidentStatus(status) &&
    checkIncidentTransition({
      from: status,
      to: 'on_hold',
      fields: { holdReason: 'awaiting_problem', hasLinkedProblem: true },
    }).ok
  );
}

/**
 * Links an incident to a problem in the caller's transaction. With
 * `holdIncident`, an incident whose lifecycle allows it also goes on hold
 * awaiting the problem, through the same transition rules as any other move.
 */
export async function linkIncidentInTransaction(
  tx: Knex.Transaction,
  options: {
    problem: ProblemRow;
    incident: IncidentRow;
    holdIncident: boolean;
    actorRef: string;
    now: number;
    /** Other changes of the incident made with the link, and their timeline rows. */
    also?: { changes: Partial<IncidentRow>; events: NewTimelineEvent[] };
  },
): Promise<void> {
  const { problem, incident, actorRef, now, also } = options;
  const events = linkEvents({ kind: 'linked', problem, incident, actorRef });
  let changes: Partial<IncidentRow> = { updated_at: now };
  if (options.holdIncident && mayHoldForProblem(incident)) {
    changes = incidentTransitionChanges({
      row: incident,
      to: 'on_hold',
      holdReason: 'awaiting_problem',
      now,
    });
    events.push(
      transitionEvent({
        recordType: 'incident',
        recordId: incident.id,
        actorRef,
        from: incident.status,
        to: 'on_hold',
        body: 'awaiting_problem',
      }),
    );
  }
  const linked = await linkIncidentToProblem(tx, {
    incident,
    problemId: problem.id,
    changes: { ...changes, ...also?.changes },
  });
  events.push(...(also?.events ?? []));
  if (!linked) {
    throw new ConflictError(
      `${formatIncidentNumber(
        incident.number,
      )} was changed by someone else; reload it and link again`,
    );
  }
  await appendTimeline(tx, { events, now });
}
