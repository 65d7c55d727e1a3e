import { TransitionCheck, illegalTransition } from './transitionCheck';

/**
 * Statuses of a postmortem: written as a draft, reviewed, then published.
 *
 * @public
 */
export const POSTMORTEM_STATUSES = ['draft', 'in_review', 'published'] as const;

/**
 * Where a postmortem stands in its review.
 *
 * @public
 */
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

const POSTMORTEM_TRANSITIONS: Record<PostmortemStatus, PostmortemStatus[]> = {
  draft: ['in_review'],
  in_review: ['draft', 'published'],
  // Reopening a published review sends it back to its reviewers.
  published: ['in_review'],
};

/**
 * The statuses a postmortem may move to from the given one.
 *
 * @public
 */
export function nextPostmortemStatuses(
  from: PostmortemStatus,
): PostmortemStatus[] {
  return [...POSTMORTEM_TRANSITIONS[from]];
}

/**
 * Checks a move of a postmortem's status against its review lifecycle.
 *
 * @public
 */
export function checkPostmortemTransition(options: {
  from: PostmortemStatus;
  to: PostmortemStatus;
}): TransitionCheck<PostmortemStatus> {
  const { from, to } = options;
  const allowed = POSTMORTEM_TRANSITIONS[from];
  return allowed.includes(to)
    ? { ok: true }
    : illegalTransition({ recordType: 'postmortem', from, to, allowed });
}

/**
 * What a declared major incident needs before it may be closed:
 * `published` a published postmortem, `written` any postmortem,
 * `none` nothing.
 *
 * @public
 */
export const POSTMORTEM_REQUIREMENTS = [
  'published',
  'written',
  'none',
] as const;

/**
 * What a declared major incident needs before it may be closed.
 *
 * @public
 */
export type PostmortemRequirement = (typeof POSTMORTEM_REQUIREMENTS)[number];

/**
 * Why a declared major incident may not be closed yet, or undefined when it may.
 *
 * @public
 */
export function postmortemMissingReason(options: {
  requirement: PostmortemRequirement;
  postmortemStatus: PostmortemStatus | null;
}): string | undefined {
  const { requirement, postmortemStatus } = options;
  if (requirement === 'none') {
    return undefined;
  }
  if (postmortemStatus === null) {
    return requirement === 'published'
      ? 'postmortem: a major incident needs a published postmortem before it is closed; none is written yet'
      : 'postmortem: a major incident needs a postmortem before it is closed; none is written yet';
  }
  if (requirement === 'published' && postmortemStatus !== 'published') {
    return `postmortem: a major incident needs a published postmortem before it is closed; its postmortem is ${postmortemStatus.replace(
      '_',
      ' ',
    )}`;
  }
  return undefined;
}

/**
 * One postmortem in the list of the ITSM page, with its incident.
 *
 * @public
 */
export interface PostmortemListItem {
  incidentId: string;
  /** Human reference of the incident, such as `INC-000042`. */
  incidentNumber: string;
  incidentTitle: string;
  entityRef: string;
  priority: number;
  major: boolean;
  commanderRef: string | null;
  status: PostmortemStatus;
  createdAt: string;
  updatedAt: string;
}

/**
 * The entities an incident affects besides its primary entity.
 *
 * @public
 */
export interface AffectedEntities {
  incidentId: string;
  entityRefs: string[];
}
