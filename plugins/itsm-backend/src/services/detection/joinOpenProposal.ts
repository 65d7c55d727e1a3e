import { Knex } from 'knex';
import { CandidateIncident } from '../../database/detection/unlinkedIncidents';
import {
  lockFreeIncidents,
  lockOpenProposal,
} from '../../database/detection/openProposals';
import { linkFreeIncidentsToProblem } from '../../database/problemLinks';
import { touchRecord } from '../../database/records';
import { refreshAffectedEntities } from '../../database/refreshAffectedEntities';
import { appendTimeline } from '../../database/timeline';
import { linkEvents } from '../../shared/linkEvents';
import { DETECTION_ACTOR_REF } from './proposeProblem';

/**
 * Links incidents that arrived after a proposal to that proposal, with their
 * timeline rows, in one transaction, so a group keeps one open proposal
 * however long it grows. Incidents linked elsewhere meanwhile, or a proposal
 * decided meanwhile, are left alone. Answers how many incidents joined.
 */
export async function joinOpenProposal(
  db: Knex,
  options: { problemId: string; incidents: CandidateIncident[]; now: number },
): Promise<number> {
  const { problemId, incidents, now } = options;
  return db.transaction(async tx => {
    const problem = await lockOpenProposal(tx, problemId);
    if (!problem) {
      return 0;
    }
    const free = await lockFreeIncidents(
      tx,
      incidents.map(incident => incident.id),
    );
    if (free.length === 0) {
      return 0;
    }
    await linkFreeIncidentsToProblem(tx, {
      incidentIds: free.map(incident => incident.id),
      problemId,
      now,
    });
    await appendTimeline(tx, {
      events: free.flatMap(incident =>
        linkEvents({
          kind: 'linked',
          problem,
          incident,
          actorRef: DETECTION_ACTOR_REF,
          why: 'joined the open detection proposal of its group',
        }),
      ),
      now,
    });
    await touchRecord(tx, { recordType: 'problem', id: problemId, now });
    await refreshAffectedEntities(tx, { problemId });
    return free.length;
  });
}
