/**
 * Whether the caller follows a record or an entity, and how many do.
 *
 * @public
 */
export interface FollowState {
  following: boolean;
  followers: number;
}

/**
 * Why someone receives a notice about a record.
 *
 * @public
 */
export type AudienceReason = 'owner' | 'reporter' | 'follower' | 'assignee';

/**
 * Who receives a public status update of an incident, and why.
 *
 * @public
 */
export interface Audience {
  recipients: Array<{ entityRef: string; reasons: AudienceReason[] }>;
}
