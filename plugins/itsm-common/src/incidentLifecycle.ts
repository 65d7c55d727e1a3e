import { hasText } from './hasText';
import {
  HOLD_REASONS,
  HoldReason,
  INCIDENT_RESOLUTION_CODES,
  IncidentResolutionCode,
  IncidentStatus,
} from './types';
import {
  TransitionCheck,
  illegalTransition,
  missingField,
} from './transitionCheck';

/**
 * Statuses an incident may move to from each status.
 *
 * @public
 */
export const INCIDENT_TRANSITIONS: Readonly<
  Record<IncidentStatus, readonly IncidentStatus[]>
> = {
  new: ['in_progress', 'on_hold', 'resolved', 'cancelled'],
  in_progress: ['on_hold', 'resolved', 'cancelled'],
  on_hold: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

/**
 * Statuses in which an incident is still being worked on.
 *
 * @public
 */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'new',
  'in_progress',
  'on_hold',
];

/**
 * Field values, after the change, that a transition's rules look at.
 *
 * @public
 */
export interface IncidentTransitionFields {
  holdReason?: HoldReason | null;
  resolutionCode?: IncidentResolutionCode | null;
  resolutionNotes?: string | null;
  /** Whether the problem linked to the incident is a known error. */
  linkedProblemIsKnownError?: boolean;
  /** Whether a problem is linked to the incident; false refuses `awaiting_problem`. */
  hasLinkedProblem?: boolean;
}

/**
 * Statuses an incident in `status` may move to; none once closed or cancelled.
 *
 * @public
 */
export function allowedIncidentTransitions(
  status: IncidentStatus,
): readonly IncidentStatus[] {
  return Object.prototype.hasOwnProperty.call(INCIDENT_TRANSITIONS, status)
    ? INCIDENT_TRANSITIONS[status]
    : [];
}

/**
 * True for new, in progress and on hold incidents.
 *
 * @public
 */
export function isOpenIncidentStatus(status: IncidentStatus): boolean {
  return OPEN_INCIDENT_STATUSES.includes(status);
}

/**
 * True for closed and cancelled incidents, which are read-only.
 *
 * @public
 */
export function isTerminalIncidentStatus(status: IncidentStatus): boolean {
  return status === 'closed' || status === 'cancelled';
}

/**
 * Checks that an incident may move from one status to another with these fields.
 *
 * @public
 */
export function checkIncidentTransition(options: {
  from: IncidentStatus;
  to: IncidentStatus;
  fields?: IncidentTransitionFields;
}): TransitionCheck<IncidentStatus> {
  const { from, to, fields = {} } = options;
  const allowed = allowedIncidentTransitions(from);
  if (!allowed.includes(to)) {
    return illegalTransition({ recordType: 'incident', from, to, allowed });
  }

  if (to === 'on_hold') {
    if (!fields.holdReason || !HOLD_REASONS.includes(fields.holdReason)) {
      return missingField({
        field: 'holdReason',
        reason: `holdReason is required to put an incident on hold; use one of ${HOLD_REASONS.join(
          ', ',
        )}`,
        allowed,
      });
    }
    if (
      fields.holdReason === 'awaiting_problem' &&
      fields.hasLinkedProblem === false
    ) {
      return missingField({
        field: 'holdReason',
        reason:
          "holdReason 'awaiting_problem' needs a linked problem; link the incident to a problem first",
        allowed,
      });
    }
  }

  if (to === 'resolved') {
    const code = fields.resolutionCode;
    if (!code || !INCIDENT_RESOLUTION_CODES.includes(code)) {
      return missingField({
        field: 'resolutionCode',
        reason: `resolutionCode is required to resolve an incident; use one of ${INCIDENT_RESOLUTION_CODES.join(
          ', ',
        )}`,
        allowed,
      });
    }
    if (!hasText(fields.resolutionNotes)) {
      return missingField({
        field: 'resolutionNotes',
        reason: 'resolutionNotes is required to resolve an incident',
        allowed,
      });
    }
    if (code === 'known_error' && fields.linkedProblemIsKnownError !== true) {
      return missingField({
        field: 'resolutionCode',
        reason:
          "resolutionCode 'known_error' requires a linked problem that is a known error",
        allowed,
      });
    }
  }

  return { ok: true };
}
