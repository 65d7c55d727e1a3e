import {
  Impact,
  LIMITS,
  PriorityMatrix,
  Urgency,
  derivePriority,
} from '@backstage-itsm/plugin-itsm-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { newProblemRow } from '../../database/newProblemRow';
import { linkFreeIncidentsToProblem } from '../../database/problemLinks';
import { insertProblemRow, isDetectionKeyTaken } from '../../database/problems';
import { refreshAffectedEntities } from '../../database/refreshAffectedEntities';
import { takeNextNumber } from '../../database/sequences';
import { NewTimelineEvent, appendTimeline } from '../../database/timeline';
import { linkEvents } from '../../shared/linkEvents';
import { ProblemProposal, worstIncident } from './proposal';

/** Who detection records as reporter and actor. */
export const DETECTION_ACTOR_REF = 'service:itsm-problem-detection';

/** What became of a proposal. */
export type ProposalOutcome =
  | 'proposed'
  | 'already_proposed'
  | 'incidents_taken';

class IncidentsTaken extends Error {}

/**
 * Writes a proposed problem (`new`, `detected`), as urgent and impactful as
 * its worst incident, and links its incidents, with
 * their timeline rows, in one transaction. A key seen before, even on a
 * rejected proposal, is never proposed again; if another change linked one of
 * the incidents meanwhile, nothing is written.
 */
export async function proposeProblem(
  db: Knex,
  options: {
    proposal: ProblemProposal;
    priorityMatrix: PriorityMatrix;
    now: number;
  },
): Promise<ProposalOutcome> {
  const { proposal, priorityMatrix, now } = options;
  try {
    return await db.transaction(async tx => {
      if (await isDetectionKeyTaken(tx, proposal.detectionKey)) {
        return 'already_proposed';
      }
      const worst = worstIncident(proposal.incidents);
      const impact = worst.impact as Impact;
      const urgency = worst.urgency as Urgency;
      const row = newProblemRow({
        id: randomUUID(),
        number: await takeNextNumber(tx, 'problem'),
        title: proposal.title.slice(0, LIMITS.title),
        statement: proposal.reason,
        entity_ref: proposal.entityRef,
        owner_ref: proposal.ownerRef,
        category: proposal.category.slice(0, LIMITS.category),
        impact,
        urgency,
        priority: derivePriority({ impact, urgency, matrix: priorityMatrix }),
        reporter_ref: DETECTION_ACTOR_REF,
        source: 'detected',
        detection_key: proposal.detectionKey,
        detection_reason: proposal.reason.slice(0, LIMITS.short),
        created_at: now,
      });
      await insertProblemRow(tx, row);
      const incidentIds = proposal.incidents.map(i => i.id);
      const linked = await linkFreeIncidentsToProblem(tx, {
        incidentIds,
        problemId: row.id,
        now,
      });
      if (linked !== incidentIds.length) {
        throw new IncidentsTaken();
      }
      const events: NewTimelineEvent[] = [
        {
          recordType: 'problem',
          recordId: row.id,
          kind: 'created',
          actorRef: DETECTION_ACTOR_REF,
          body: proposal.reason,
        },
        ...proposal.incidents.flatMap(incident =>
          linkEvents({
            kind: 'linked',
            problem: row,
            incident,
            actorRef: DETECTION_ACTOR_REF,
          }),
        ),
      ];
      await appendTimeline(tx, { events, now });
      await refreshAffectedEntities(tx, {
        problemId: row.id,
        explicitEntityRefs: [],
      });
      return 'proposed' as const;
    });
  } catch (error) {
    if (error instanceof IncidentsTaken) {
      return 'incidents_taken';
    }
    throw error;
  }
}
