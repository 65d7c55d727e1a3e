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
export interface ItsmFollowState {
  following: boolean;
  followers: number;
}

/**
 * Why someone receives an incident's public status updates.
 *
 * @public
 */
export type ItsmAudienceReason = 'owner' | 'reporter' | 'follower' | 'assignee';

/**
 * Who receives an incident's public status updates, and why.
 *
 * @public
 */
export interface ItsmAudience {
  recipients: { entityRef: string; reasons: ItsmAudienceReason[] }[];
}
