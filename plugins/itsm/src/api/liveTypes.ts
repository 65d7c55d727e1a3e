import {
  Audience,
  AudienceReason,
  FollowState,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * What a caller follows: an incident or a problem (uuid or number), or a
 * catalog entity, whose incidents the follower hears of.
 *
 * @public
 */
export type ItsmFollowTarget =
  | { kind: 'incident'; id: string }
  | { kind: 'problem'; id: string }
  | { kind: 'entity'; entityRef: string };

/**
 * Whether the caller follows a target, and how many people do.
 *
 * @public
 */
export type ItsmFollowState = FollowState;

/**
 * Why someone receives an incident's public status updates.
 *
 * @public
 */
export type ItsmAudienceReason = AudienceReason;

/**
 * Who receives an incident's public status updates, and why.
 *
 * @public
 */
export type ItsmAudience = Audience;
