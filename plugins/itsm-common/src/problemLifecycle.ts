import { hasText } from './hasText';
import {
  ProblemResolutionCode,
  ProblemSource,
  ProblemStatus,
} from './problemTypes';
import {
  TransitionCheck,
  illegalTransition,
  missingField,
} from './transitionCheck';

/**
 * Statuses a problem may move to from each status.
 *
 * @public
 */
export const PROBLEM_TRANSITIONS: Readonly<
  Record<ProblemStatus, readonly ProblemStatus[]>
> = {
  new: ['assess', 'closed'],
  assess: ['root_cause_analysis', 'closed'],
  root_cause_analysis: ['fix_in_progress', 'closed'],
  fix_in_progress: ['resolved', 'closed'],
  resolved: ['closed', 'root_cause_analysis'],
  closed: [],
};

/**
 * Statuses in which a problem is still being worked on.
 *
 * @public
 */
export const OPEN_PROBLEM_STATUSES: readonly ProblemStatus[] = [
  'new',
  'assess',
  'root_cause_analysis',
  'fix_in_progress',
];

/**
 * Codes that close an open problem without a fix.
 *
 * @public
 */
export const PROBLEM_EARLY_CLOSE_CODES: readonly ProblemResolutionCode[] = [
  'duplicate',
  'cancelled',
  'risk_accepted',
];

/**
 * Field values, after the change, that a transition's rules look at.
 *
 * @public
 */
export interface ProblemTransitionFields {
  resolutionCode?: ProblemResolutionCode | null;
  permanentFix?: string | null;
  duplicateOf?: string | null;
  resolutionNotes?: string | null;
  /** Whether the problem is a detected proposal not yet accepted: closing it rejects it. */
  proposal?: boolean;
}

/**
 * Statuses a problem in `status` may move to; none once closed.
 *
 * @public
 */
export function allowedProblemTransitions(
  status: ProblemStatus,
): readonly ProblemStatus[] {
  return Object.prototype.hasOwnProperty.call(PROBLEM_TRANSITIONS, status)
    ? PROBLEM_TRANSITIONS[status]
    : [];
}

/**
 * True for problems not yet resolved or closed.
 *
 * @public
 */
export function isOpenProblemStatus(status: ProblemStatus): boolean {
  return OPEN_PROBLEM_STATUSES.includes(status);
}

/**
 * True for a problem that detection proposed and no one has accepted yet
 * (moved on to `assess`) or rejected (closed).
 *
 * @public
 */
export function isProblemProposal(problem: {
  source: ProblemSource;
  status: ProblemStatus;
}): boolean {
  return problem.source === 'detected' && problem.status === 'new';
}

/**
 * True once both root cause and workaround are documented.
 *
 * @public
 */
export function canPublishKnownError(options: {
  rootCause?: string | null;
  workaround?: string | null;
}): boolean {
  return hasText(options.rootCause) && hasText(options.workaround);
}

/**
 * Checks that a problem may move from one status to another with these fields.
 *
 * @public
 */
export function checkProblemTransition(options: {
  from: ProblemStatus;
  to: ProblemStatus;
  fields?: ProblemTransitionFields;
}): TransitionCheck<ProblemStatus> {
  const { from, to, fields = {} } = options;
  const allowed = allowedProblemTransitions(from);
  if (!allowed.includes(to)) {
    return illegalTransition({ recordType: 'problem', from, to, allowed });
  }

  if (to === 'resolved') {
    if (fields.resolutionCode !== 'fix_applied') {
      return missingField({
        field: 'resolutionCode',
        reason: "resolutionCode 'fix_applied' is required to resolve a problem",
        allowed,
      });
    }
    if (!hasText(fields.permanentFix)) {
      return missingField({
        field: 'permanentFix',
        reason: 'permanentFix is required to resolve a problem',
        allowed,
      });
    }
  }

  // A resolved problem closes with the code it was resolved with; only an open
  // problem needs a reason for closing without a fix.
  if (to === 'closed' && isOpenProblemStatus(from)) {
    const code = fields.resolutionCode;
    if (!code || !PROBLEM_EARLY_CLOSE_CODES.includes(code)) {
      return missingField({
        field: 'resolutionCode',
        reason: `resolutionCode is required to close an unresolved problem; use one of ${PROBLEM_EARLY_CLOSE_CODES.join(
          ', ',
        )}`,
        allowed,
      });
    }
    if (code === 'duplicate' && !hasText(fields.duplicateOf)) {
      return missingField({
        field: 'duplicateOf',
        reason: "duplicateOf is required to close a problem as 'duplicate'",
        allowed,
      });
    }
    if (fields.proposal && !hasText(fields.resolutionNotes)) {
      return missingField({
        field: 'resolutionNotes',
        reason:
          'resolutionNotes is required to reject a detected proposal; say why its incidents do not share one cause',
        allowed,
      });
    }
  }

  return { ok: true };
}
