import { formatIncidentNumber } from '@backstage-itsm/plugin-itsm-common';
import { CandidateIncident } from '../../database/detection/unlinkedIncidents';
import { EntityTitles } from './entityTitles';
import {
  ProblemProposal,
  byCreation,
  detectionKeyOf,
  formatWindow,
} from './proposal';

/**
 * N or more incidents on one entity and category within a window. The group
 * starts at the earliest incident that has N - 1 more within the window and
 * takes every incident of the window, so the same incidents form the same
 * group on every run.
 */
export function repeatedIncidentsRule(
  candidates: CandidateIncident[],
  options: { minIncidents: number; windowMs: number; titleOf: EntityTitles },
): ProblemProposal[] {
  const { minIncidents, windowMs, titleOf } = options;
  const byGroup = new Map<string, CandidateIncident[]>();
  for (const incident of candidates) {
    const key = `${incident.entityRef}\n${incident.category}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), incident]);
  }
  const proposals: ProblemProposal[] = [];
  for (const incidents of byGroup.values()) {
    incidents.sort(byCreation);
    let start = 0;
    while (start + minIncidents - 1 < incidents.length) {
      const first = incidents[start];
      const end = first.createdAt + windowMs;
      if (incidents[start + minIncidents - 1].createdAt >= end) {
        start += 1;
        continue;
      }
      const group = incidents.slice(start).filter(i => i.createdAt < end);
      const { entityRef, category } = first;
      const window = formatWindow(windowMs);
      const entity = titleOf(entityRef);
      proposals.push({
        detectionKey: detectionKeyOf('repeated_incidents', [
          entityRef,
          category,
          first.id,
        ]),
        rule: 'repeated_incidents',
        title: `${group.length} ${category} incidents on ${entity} within ${window}`,
        reason:
          `Detected by the repeated-incidents rule (${minIncidents} or more incidents ` +
          `on one entity and category within ${window}): ` +
          `${group.map(i => formatIncidentNumber(i.number)).join(', ')} ` +
          `hit ${entity} in category ${category}.`,
        entityRef,
        ownerRef: first.ownerRef,
        category,
        incidents: group,
      });
      start += group.length;
    }
  }
  return proposals;
}
