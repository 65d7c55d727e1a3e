import { AudienceReason, Incident } from '@backstage-itsm/plugin-itsm-common';

/** One recipient of a notice and every reason they get it. */
export interface AudienceMember {
  entityRef: string;
  reasons: AudienceReason[];
}

/** Merges refs with their reasons, first seen first, each ref once. */
export function mergeAudience(
  entries: Array<{ refs: Array<string | null>; reason: AudienceReason }>,
): AudienceMember[] {
  const members = new Map<string, AudienceMember>();
  for (const { refs, reason } of entries) {
    for (const ref of refs) {
      if (!ref) {
        continue;
      }
      const member = members.get(ref) ?? { entityRef: ref, reasons: [] };
      if (!member.reasons.includes(reason)) {
        member.reasons.push(reason);
      }
      members.set(ref, member);
    }
  }
  return [...members.values()];
}

/**
 * Who receives a public status update of an incident: the owners of its
 * entity, its reporter and its followers (of the incident or of its entity).
 */
export function publicUpdateAudience(options: {
  incident: Pick<Incident, 'entityRef' | 'ownerRef' | 'reporterRef'>;
  followers: string[];
}): AudienceMember[] {
  const { incident, followers } = options;
  return mergeAudience([
    { refs: [incident.ownerRef ?? incident.entityRef], reason: 'owner' },
    { refs: [incident.reporterRef], reason: 'reporter' },
    { refs: followers, reason: 'follower' },
  ]);
}
