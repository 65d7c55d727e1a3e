import { PostmortemStatus } from '@backstage-itsm/plugin-itsm-common';

/** How each postmortem status reads. */
export const POSTMORTEM_STATUS_LABELS: Record<PostmortemStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
};

/** The button that moves a postmortem to each status. */
export const POSTMORTEM_MOVE_LABELS: Record<PostmortemStatus, string> = {
  draft: 'Back to draft',
  in_review: 'Send for review',
  published: 'Publish',
};
