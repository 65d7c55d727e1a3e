import {
  HoldReason,
  Impact,
  IncidentResolutionCode,
  IncidentStatus,
  PRIORITY_LABELS,
  Priority,
  ProblemResolutionCode,
  ProblemStatus,
  RcaMethod,
  formatPriority,
} from '@backstage-itsm/plugin-itsm-common';

/** Display names of incident statuses. */
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'New',
  in_progress: 'In progress',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** Button text of the move to each incident status. */
export const INCIDENT_ACTION_LABELS: Record<IncidentStatus, string> = {
  new: 'Reopen',
  in_progress: 'Acknowledge',
  on_hold: 'Put on hold',
  resolved: 'Resolve',
  closed: 'Close',
  cancelled: 'Cancel incident',
};

/** Display names of problem statuses. */
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  new: 'New',
  assess: 'Assess',
  root_cause_analysis: 'Root cause analysis',
  fix_in_progress: 'Fix in progress',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** Button text of the move to each problem status. */
export const PROBLEM_ACTION_LABELS: Record<ProblemStatus, string> = {
  new: 'Reopen',
  assess: 'Start assessment',
  root_cause_analysis: 'Start root cause analysis',
  fix_in_progress: 'Start fix',
  resolved: 'Resolve',
  closed: 'Close',
};

/** Display names of hold reasons. */
export const HOLD_REASON_LABELS: Record<HoldReason, string> = {
  awaiting_problem: 'Awaiting problem',
  awaiting_change: 'Awaiting change',
  awaiting_vendor: 'Awaiting vendor',
  awaiting_caller: 'Awaiting caller',
};

/** Display names of incident resolution codes. */
export const INCIDENT_RESOLUTION_LABELS: Record<
  IncidentResolutionCode,
  string
> = {
  workaround: 'Workaround applied',
  permanent_fix: 'Permanent fix',
  known_error: 'Known error',
  duplicate: 'Duplicate',
  not_reproducible: 'Not reproducible',
  resolved_by_caller: 'Resolved by caller',
};

/** Display names of problem resolution codes. */
export const PROBLEM_RESOLUTION_LABELS: Record<ProblemResolutionCode, string> =
  {
    fix_applied: 'Fix applied',
    risk_accepted: 'Risk accepted',
    duplicate: 'Duplicate',
    cancelled: 'Cancelled',
  };

/** Display names of root cause analysis methods. */
export const RCA_METHOD_LABELS: Record<RcaMethod, string> = {
  five_whys: 'Five whys',
  fishbone: 'Fishbone (Ishikawa)',
  timeline: 'Timeline analysis',
  other: 'Other',
};

/** Display names of impact and urgency levels, numbered as ServiceNow shows them. */
export const LEVEL_LABELS: Record<Impact, string> = {
  1: '1 - High',
  2: '2 - Medium',
  3: '3 - Low',
};

/** `P1 critical` and so on. */
export function priorityText(priority: Priority): string {
  return `${formatPriority(priority)} ${PRIORITY_LABELS[priority]}`;
}
