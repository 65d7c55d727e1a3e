import { createHash } from 'crypto';
import { CandidateIncident } from '../../database/detection/unlinkedIncidents';

/** Names of the detection rules. */
export type DetectionRule =
  | 'repeated_incidents'
  | 'shared_dependency'
  | 'change_followed'
  | 'major_incident';

/** A problem a rule proposes, with the incidents that triggered it. */
export interface ProblemProposal {
  /** Identifies the group of incidents; a group is proposed once, ever. */
  detectionKey: string;
  rule: DetectionRule;
  title: string;
  /** Which rule fired and why, in words. */
  reason: string;
  /** The suspected root-cause entity. */
  entityRef: string;
  ownerRef: string | null;
  category: string;
  incidents: CandidateIncident[];
}

/** A short, stable key for a group: the rule and a hash of what identifies it. */
export function detectionKeyOf(rule: DetectionRule, parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${rule}:${hash.slice(0, 40)}`;
}

const UNITS: [number, string][] = [
  [24 * 60 * 60 * 1000, 'day'],
  [60 * 60 * 1000, 'hour'],
  [60 * 1000, 'minute'],
  [1000, 'second'],
];

/** A window length in words, such as `14 days` or `90 minutes`. */
export function formatWindow(ms: number): string {
  for (const [size, unit] of UNITS) {
    if (ms % size === 0) {
      const count = ms / size;
      return `${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}

/** Incidents ordered by creation, then number, so groups are found deterministically. */
export function byCreation(a: CandidateIncident, b: CandidateIncident) {
  return a.createdAt - b.createdAt || a.number - b.number;
}

/**
 * The incident that sets a proposal's impact and urgency: the highest
 * priority, the earliest of equals. Taking each level's minimum on its own
 * would rate the group worse than any of its incidents.
 */
export function worstIncident(
  incidents: CandidateIncident[],
): CandidateIncident {
  return [...incidents].sort(
    (a, b) => a.priority - b.priority || byCreation(a, b),
  )[0];
}
