import { formatIncidentNumber } from '@backstage-itsm/plugin-itsm-common';
import { FollowedChange } from '../../database/detection/changeFollowedIncidents';
import { CandidateIncident } from '../../database/detection/unlinkedIncidents';
import { EntityTitles } from './entityTitles';
import {
  ProblemProposal,
  byCreation,
  detectionKeyOf,
  formatWindow,
} from './proposal';

/**
 * N or more incidents that each followed a change of one entity (itself or
 * a dependency of theirs) within the interval: the changed entity is the
 * suspected root cause and its changes the suspects. The entity followed by
 * the most incidents goes first; an incident joins one group only. The group
 * is keyed by the entity and its earliest incident, so it is proposed once.
 */
export function changeFollowedRule(
  followed: FollowedChange[],
  options: { minIncidents: number; intervalMs: number; titleOf: EntityTitles },
): ProblemProposal[] {
  const { minIncidents, intervalMs, titleOf } = options;
  const byEntity = new Map<
    string,
    {
      incidents: Map<string, CandidateIncident>;
      changes: Map<string, FollowedChange['change']>;
    }
  >();
  for (const { incident, change } of followed) {
    const group = byEntity.get(change.entityRef) ?? {
      incidents: new Map(),
      changes: new Map(),
    };
    group.incidents.set(incident.id, incident);
    group.changes.set(change.id, change);
    byEntity.set(change.entityRef, group);
  }
  const ordered = [...byEntity.entries()].sort(
    ([a, x], [b, y]) =>
      y.incidents.size - x.incidents.size || a.localeCompare(b),
  );
  const used = new Set<string>();
  const proposals: ProblemProposal[] = [];
  for (const [entityRef, group] of ordered) {
    const incidents = [...group.incidents.values()]
      .filter(incident => !used.has(incident.id))
      .sort(byCreation);
    if (incidents.length < minIncidents) {
      continue;
    }
    incidents.forEach(incident => used.add(incident.id));
    const changes = [...group.changes.values()].sort(
      (a, b) => a.occurredAt - b.occurredAt,
    );
    const entity = titleOf(entityRef);
    const window = formatWindow(intervalMs);
    const suspects = changes
      .map(
        c =>
          `${c.summary}${c.version ? ` (${c.version})` : ''} at ${new Date(
            c.occurredAt,
          ).toISOString()}`,
      )
      .join('; ');
    proposals.push({
      detectionKey: detectionKeyOf('change_followed', [
        entityRef,
        incidents[0].id,
      ]),
      rule: 'change_followed',
      title: `${incidents.length} incidents followed changes of ${entity} within ${window}`,
      reason:
        `Detected by the change-followed rule (${minIncidents} or more incidents ` +
        `within ${window} after a change of one entity or a dependency): ` +
        `${incidents.map(i => formatIncidentNumber(i.number)).join(', ')} ` +
        `followed changes of ${entity}. Suspect changes: ${suspects}.`,
      entityRef,
      ownerRef: changes[0].ownerRef,
      category: incidents[0].category,
      incidents,
    });
  }
  return proposals;
}
