import {
  ActionItemKind,
  Impact,
  Priority,
  ProblemResolutionCode,
  ProblemSource,
  ProblemStatus,
  RcaMethod,
  Urgency,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentTemplate } from './incidentScenarios';
import { CLOSED_PROBLEMS } from './closedProblems';
import { OPEN_PROBLEMS } from './openProblems';

/** Relative weight of each priority. */
export type PriorityWeights = ReadonlyArray<readonly [Priority, number]>;

/** Incidents of one kind that a problem explains. */
export interface IncidentSeries {
  /** Used in turn, so a burst hits several services. */
  templates: readonly IncidentTemplate[];
  /** Days ago of each event, or a window to spread `count` incidents over. */
  daysAgo: readonly number[] | { from: number; to: number; count: number };
  /** Incidents per event, one per template, minutes apart. */
  perEvent?: number;
  priorities: PriorityWeights;
  /** Share of the incidents that someone linked to the problem; 1 when unset. */
  linkShare?: number;
  /** Assignee of every incident in the series, instead of a random team member. */
  assignee?: string;
}

/** A follow-up task of a problem, timed in days ago (negative: in the future). */
export interface ActionItemScenario {
  title: string;
  kind: ActionItemKind;
  owner: string;
  createdDaysAgo: number;
  dueDaysAgo: number;
  doneDaysAgo?: number;
}

/** A problem of the demo history, with the incidents it explains. */
export interface ProblemScenario {
  key: string;
  title: string;
  statement: string;
  /** The entity where the root cause lies; null while unknown. */
  entityRef: string | null;
  category: string;
  impact: Impact;
  urgency: Urgency;
  source: ProblemSource;
  reporter: string;
  assignee: string | null;
  /** Status changes in order, in days ago; the first one, `new`, is the creation. */
  history: ReadonlyArray<readonly [ProblemStatus, number]>;
  rcaMethod?: RcaMethod;
  rootCause?: string;
  workaround?: string;
  permanentFix?: string;
  symptoms?: string;
  knownErrorDaysAgo?: number;
  resolutionCode?: ProblemResolutionCode;
  resolutionNotes?: string;
  /** Key of the problem this one duplicates. */
  duplicateOf?: string;
  /** Detection rule that proposed the problem, for `detected` problems. */
  detectionRule?: string;
  explicitEntityRefs?: readonly string[];
  /** Whether the linked incidents were unlinked when the problem was closed. */
  unlinkOnClose?: boolean;
  series: readonly IncidentSeries[];
  actionItems: readonly ActionItemScenario[];
  notes: ReadonlyArray<{ daysAgo: number; author: string; body: string }>;
}

/** The problems of the demo history: at least one in each status, rooted in shared dependencies. */
export const PROBLEM_SCENARIOS: readonly ProblemScenario[] = [
  ...CLOSED_PROBLEMS,
  ...OPEN_PROBLEMS,
];
