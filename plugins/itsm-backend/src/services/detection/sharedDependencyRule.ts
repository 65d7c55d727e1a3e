import { formatIncidentNumber } from '@backstage-itsm/plugin-itsm-common';
import { CandidateIncident } from '../../database/detection/unlinkedIncidents';
import { EntityTitles } from './entityTitles';
import {
  ProblemProposal,
  byCreation,
  detectionKeyOf,
  formatWindow,
} from './proposal';

/** What the catalog says about one depended-upon entity. */
export interface DependencyTarget {
  entityRef: string;
  ownerRef: string | null;
  /** Components whose `dependsOn` relations point at the target. */
  dependents: Set<string>;
}

/**
 * Incidents on K or more distinct components that all depend on one entity,
 * within a short window: the shared dependency is the suspect. The group
 * starts at the earliest incident from which the window reaches K components.
 */
export function sharedDependencyRule(options: {
  candidates: CandidateIncident[];
  targets: DependencyTarget[];
  rule: { minComponents: number; windowMs: number };
  titleOf: EntityTitles;
}): ProblemProposal[] {
  const { candidates, targets, titleOf } = options;
  const { minComponents, windowMs } = options.rule;
  const proposals: ProblemProposal[] = [];
  const used = new Set<string>();
  for (const target of targets) {
    if (target.dependents.size < minComponents) {
      continue;
    }
    const incidents = candidates
      .filter(i => target.dependents.has(i.entityRef) && !used.has(i.id))
      .sort(byCreation);
    let start = 0;
    while (start < incidents.length) {
      const end = incidents[start].createdAt + windowMs;
      const group = incidents
        .slice(start)
        .filter(i => i.createdAt < end && !used.has(i.id));
      const components = [...new Set(group.map(i => i.entityRef))].sort();
      if (components.length < minComponents) {
        start += 1;
        continue;
      }
      const window = formatWindow(windowMs);
      const suspect = titleOf(target.entityRef);
      group.forEach(i => used.add(i.id));
      proposals.push({
        detectionKey: detectionKeyOf('shared_dependency', [
          target.entityRef,
          group[0].id,
        ]),
        rule: 'shared_dependency',
        title: `Incidents on ${components.length} components that depend on ${suspect}`,
        reason:
          `Detected by the shared-dependency rule (incidents on ${minComponents} or more ` +
          `components that depend on one entity within ${window}): ` +
          `${group.map(i => formatIncidentNumber(i.number)).join(', ')} ` +
          `hit ${components
            .map(titleOf)
            .join(', ')}, which all depend on ${suspect}; ` +
          `it is the suspected root cause.`,
        entityRef: target.entityRef,
        ownerRef: target.ownerRef,
        category: 'dependency',
        incidents: group,
      });
      start = 0;
      incidents.splice(
        0,
        incidents.length,
        ...incidents.filter(i => !used.has(i.id)),
      );
    }
  }
  return proposals;
}
