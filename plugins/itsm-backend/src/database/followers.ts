import { Knex } from 'knex';

/** What can be followed: a record, or every incident of an entity. */
export type FollowTarget = {
  targetType: 'incident' | 'problem' | 'entity';
  /** The record's uuid, or the lower-case entity ref. */
  targetId: string;
};

/** Adds a follower; following twice changes nothing. */
export async function addFollower(
  db: Knex,
  options: FollowTarget & { userRef: string; now: number },
): Promise<void> {
  await db('itsm_followers')
    .insert({
      target_type: options.targetType,
      target_id: options.targetId,
      user_ref: options.userRef,
      created_at: options.now,
    })
    .onConflict(['target_type', 'target_id', 'user_ref'])
    .ignore();
}

/** Removes a follower, if they followed. */
export async function removeFollower(
  db: Knex,
  options: FollowTarget & { userRef: string },
): Promise<void> {
  await db('itsm_followers')
    .where({
      target_type: options.targetType,
      target_id: options.targetId,
      user_ref: options.userRef,
    })
    .delete();
}

/** The users following any of the targets, each once, sorted. */
export async function listFollowers(
  db: Knex,
  targets: FollowTarget[],
): Promise<string[]> {
  if (targets.length === 0) {
    return [];
  }
  const rows: Array<{ user_ref: string }> = await db('itsm_followers')
    .distinct('user_ref')
    .where(q => {
      for (const target of targets) {
        q.orWhere({
          target_type: target.targetType,
          target_id: target.targetId,
        });
      }
    })
    .orderBy('user_ref');
  return rows.map(row => row.user_ref);
}

/** How many follow the target, and whether the user is one of them. */
export async function followState(
  db: Knex,
  options: FollowTarget & { userRef: string },
): Promise<{ following: boolean; followers: number }> {
  const rows: Array<{ user_ref: string }> = await db('itsm_followers')
    .select('user_ref')
    .where({
      target_type: options.targetType,
      target_id: options.targetId,
    });
  return {
    following: rows.some(row => row.user_ref === options.userRef),
    followers: rows.length,
  };
}
