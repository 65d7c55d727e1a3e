import { Impact, Urgency, Priority } from './types';

/**
 * Problem statuses in lifecycle order.
 *
 * @public
 */
export const PROBLEM_STATUSES = [
  'new',
  'assess',
  'root_cause_analysis',
  'fix_in_progress',
  'resolved',
  'closed',
] as const;
/**
 * Lifecycle status of a problem.
 *
 * @public
 */
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/**
 * Root cause analysis methods.
 *
 * @public
 */
export const RCA_METHODS = [
  'five_whys',
  'fishbone',
  'timeline',
  'other',
] as const;
/**
 * Method used for a problem's root cause analysis.
 *
 * @public
 */
export type RcaMethod = (typeof RCA_METHODS)[number];

/**
 * Codes a problem can be resolved or closed with.
 *
 * @public
 */
export const PROBLEM_RESOLUTION_CODES = [
  'fix_applied',
  'risk_accepted',
  'duplicate',
  'cancelled',
] as const;
/**
 * How a problem was resolved or closed.
 *
 * @public
 */
export type ProblemResolutionCode = (typeof PROBLEM_RESOLUTION_CODES)[number];

/**
 * Ways a problem can be opened.
 *
 * @public
 */
export const PROBLEM_SOURCES = ['manual', 'from_incident', 'detected'] as const;
/**
 * How a problem was opened.
 *
 * @public
 */
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

/**
 * The underlying cause of one or more incidents, as returned by the API.
 *
 * @public
 */
export interface Problem {
  id: string;
  /** Human reference such as `PRB-000007`. */
  number: string;
  title: string;
  statement: string;
  /** Entity where the root cause lies; null while unknown. */
  entityRef: string | null;
  /** Owner of the root-cause entity when it was set. */
  ownerRef: string | null;
  /** Entities hurt by the problem: from linked incidents plus explicit additions. */
  affectedEntityRefs: string[];
  category: string;
  impact: Impact;
  urgency: Urgency;
  /** Derived from impact and urgency, never set directly. */
  priority: Priority;
  status: ProblemStatus;
  assigneeRef: string | null;
  reporterRef: string;
  rootCause: string | null;
  rcaMethod: RcaMethod | null;
  workaround: string | null;
  permanentFix: string | null;
  knownError: boolean;
  knownErrorAt: string | null;
  symptoms: string | null;
  resolutionCode: ProblemResolutionCode | null;
  resolutionNotes: string | null;
  /** Id of the problem this one duplicates. */
  duplicateOf: string | null;
  source: ProblemSource;
  /** Identifies the group of incidents a detected problem was proposed for. */
  detectionKey: string | null;
  detectionReason: string | null;
  incidentCount: number;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Optimistic locking counter. */
  version: number;
}
