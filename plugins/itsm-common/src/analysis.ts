import type { SlaAnalysis } from './sla/slaTypes';
import { Priority } from './types';
import { ProblemStatus } from './problemTypes';

/**
 * What an analysis covers: one entity, an owner's entities, a system's parts, or everything.
 *
 * @public
 */
export type AnalysisScopeKind = 'entity' | 'owner' | 'system' | 'organization';

/**
 * The scope an analysis was computed for.
 *
 * @public
 */
export interface AnalysisScope {
  kind: AnalysisScopeKind;
  /** The entity, owner or system ref; null for the whole organisation. */
  ref: string | null;
  /** Entities the scope covers; null for the whole organisation. */
  entityRefs: string[] | null;
}

/**
 * Default length of the analysis window.
 *
 * @public
 */
export const DEFAULT_ANALYSIS_WINDOW_DAYS = 90;

/**
 * Longest analysis window accepted.
 *
 * @public
 */
export const MAX_ANALYSIS_WINDOW_DAYS = 731;

/**
 * Length of each of the two windows compared around a problem's fix.
 *
 * @public
 */
export const FIX_COMPARISON_WINDOW_DAYS = 28;

/**
 * Mean, median and 90th percentile of durations in milliseconds. Percentiles
 * are nearest-rank: the value at rank ceil(p × count) in ascending order, so
 * the median of an even count is the lower middle value. The mean is rounded
 * to the millisecond.
 *
 * @public
 */
export interface DurationStats {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
}

/**
 * Duration statistics of one priority.
 *
 * @public
 */
export interface PriorityDurationStats extends DurationStats {
  priority: Priority;
}

/**
 * Duration statistics overall and per priority (priorities without data are left out).
 *
 * @public
 */
export interface DurationBreakdown {
  overall: DurationStats;
  byPriority: PriorityDurationStats[];
}

/**
 * Incident counts of one priority each, P1 to P5.
 *
 * @public
 */
export type PriorityCounts = Record<`p${Priority}`, number>;

/**
 * Incidents created in one week (Monday 00:00 UTC to the next Monday).
 *
 * @public
 */
export interface WeeklyIncidents {
  weekStart: string;
  total: number;
  byPriority: PriorityCounts;
  /** Incidents of this week that are resolved, and their mean time to restore. */
  resolved: number;
  mttrMeanMs: number | null;
}

/**
 * A problem as the analysis lists it.
 *
 * @public
 */
export interface AnalysisProblem {
  id: string;
  number: string;
  title: string;
  status: ProblemStatus;
  priority: Priority;
  /** Root-cause entity; null while unknown. */
  entityRef: string | null;
  knownError: boolean;
  createdAt: string;
}

/**
 * An open problem and how long it has been open.
 *
 * @public
 */
export interface AgedProblem extends AnalysisProblem {
  ageMs: number;
}

/**
 * An entity a problem hurts, with the number of its incidents linked to the problem.
 *
 * @public
 */
export interface AffectedEntity {
  entityRef: string;
  incidentCount: number;
}

/**
 * A problem and the entities it hurts.
 *
 * @public
 */
export interface ProblemBlastRadius {
  problem: AnalysisProblem;
  affected: AffectedEntity[];
}

/**
 * Incidents on a problem's affected entities in one comparison window.
 *
 * @public
 */
export interface IncidentRate {
  from: string;
  to: string;
  incidents: number;
  /** Incidents per 7 days; null when the window is empty. */
  perWeek: number | null;
}

/**
 * Whether a problem's fix reduced incidents on the entities it hurt.
 *
 * @public
 */
export interface FixEffect {
  problem: AnalysisProblem;
  fixedAt: string;
  affectedEntityRefs: string[];
  before: IncidentRate;
  after: IncidentRate;
}

/**
 * An open action item whose due date has passed.
 *
 * @public
 */
export interface OverdueActionItem {
  id: string;
  title: string;
  parentType: 'incident' | 'problem';
  parentId: string;
  ownerRef: string | null;
  dueAt: string;
}

/**
 * Reliability of a scope over a window, as returned by `GET /analysis`.
 *
 * @public
 */
export interface ReliabilityAnalysis {
  scope: AnalysisScope;
  window: { from: string; to: string };
  generatedAt: string;
  incidents: {
    /** Incidents created in the window, cancelled ones excluded. */
    total: number;
    byPriority: PriorityCounts;
    weekly: WeeklyIncidents[];
    topCategories: { category: string; count: number }[];
  };
  /** Detection to acknowledgement. */
  mtta: DurationBreakdown;
  /** Detection to resolution. */
  mttr: DurationBreakdown;
  /** Mean time between consecutive detections; null below two incidents. */
  mtbfMs: number | null;
  /** Share of the window's incidents linked to a problem that has two or more incidents. */
  repeat: { incidents: number; total: number; rate: number | null };
  openProblems: { total: number; items: AgedProblem[] };
  /** Known errors in effect: published, rooted in or hurting the scope, not closed. */
  knownErrors: { total: number; items: AnalysisProblem[] };
  actionItems: {
    open: number;
    overdue: number;
    overdueItems: OverdueActionItem[];
  };
  /** Problems whose root cause lies in the scope, with the entities they hurt. */
  rootedHere: ProblemBlastRadius[];
  /** Problems rooted outside the scope that hurt entities in it. */
  rootedElsewhere: ProblemBlastRadius[];
  /** Resolved problems fixed in the window, with incident rates before and after. */
  fixEffects: FixEffect[];
  /** SLA compliance, when SLA targets are configured. */
  sla?: SlaAnalysis;
}
