import {
  formatIncidentNumber,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentRow, ProblemRow } from '../database/tables';
import { NewTimelineEvent } from '../database/timeline';

/**
 * The timeline events of linking or unlinking an incident and a problem: one
 * on each record. `why`, when given, tells the incident why its link changed.
 */
export function linkEvents(options: {
  kind: 'linked' | 'unlinked';
  problem: Pick<ProblemRow, 'id' | 'number'>;
  incident: Pick<IncidentRow, 'id' | 'number'>;
  actorRef: string;
  why?: string;
}): NewTimelineEvent[] {
  const { kind, problem, incident, actorRef, why } = options;
  const problemNumber = formatProblemNumber(Number(problem.number));
  return [
    {
      recordType: 'problem',
      recordId: problem.id,
      kind,
      actorRef,
      field: 'incident',
      newValue: incident.id,
      body: formatIncidentNumber(Number(incident.number)),
    },
    {
      recordType: 'incident',
      recordId: incident.id,
      kind,
      actorRef,
      field: 'problem',
      newValue: problem.id,
      body: why ? `${problemNumber}: ${why}` : problemNumber,
    },
  ];
}
