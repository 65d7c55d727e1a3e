import { formatIncidentNumber } from '@backstage-itsm/plugin-itsm-common';
import { CandidateIncident } from '../../database/detection/unlinkedIncidents';
import { EntityTitles } from './entityTitles';
import { ProblemProposal, byCreation, detectionKeyOf } from './proposal';

/** Every P1 or major incident gets a problem of its own. */
export function majorIncidentRule(
  candidates: CandidateIncident[],
  options: { titleOf: EntityTitles },
): ProblemProposal[] {
  return candidates
    .filter(i => i.priority === 1 || i.major)
    .sort(byCreation)
    .map(incident => {
      const number = formatIncidentNumber(incident.number);
      return {
        detectionKey: detectionKeyOf('major_incident', [incident.id]),
        rule: 'major_incident',
        title: `Cause of major incident ${number}: ${incident.title}`.slice(
          0,
          200,
        ),
        reason:
          `Detected by the major-incident rule (every P1 or major incident): ` +
          `${number} on ${options.titleOf(incident.entityRef)} is ${
            incident.major ? 'a major incident' : 'priority P1'
          }.`,
        entityRef: incident.entityRef,
        ownerRef: incident.ownerRef,
        category: incident.category,
        incidents: [incident],
      };
    });
}
