import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Audience,
  FollowState,
  ItsmRecordType,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import {
  FollowTarget,
  addFollower,
  followState,
  listFollowers,
  removeFollower,
} from '../../database/followers';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { publicUpdateAudience } from '../../shared/publicUpdateAudience';
import {
  IncidentRecords,
  ProblemRecords,
  incidentRecords,
  problemRecords,
} from '../../shared/recordKinds';

/** The follow states a caller can ask for. */
export type FollowAction = 'get' | 'follow' | 'unfollow';

/**
 * Following records and entities: followers hear of public updates and of
 * the end of what they follow. Only users follow, and only what they may read.
 */
export class FollowService {
  private readonly incidents: IncidentRecords;
  private readonly problems: ProblemRecords;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      catalog: CatalogService;
      now?: () => number;
    },
  ) {
    this.incidents = incidentRecords(deps);
    this.problems = problemRecords(deps);
  }

  /** Reads, sets or clears the caller's follow of an incident or a problem. */
  async record(options: {
    recordType: ItsmRecordType;
    idOrNumber: string;
    action: FollowAction;
    caller: Caller;
  }): Promise<FollowState> {
    const { recordType, idOrNumber, caller } = options;
    const records = recordType === 'incident' ? this.incidents : this.problems;
    const record = await records.get(idOrNumber, caller);
    return this.apply(
      { targetType: recordType, targetId: record.id },
      options.action,
      caller,
    );
  }

  /** Reads, sets or clears the caller's follow of an entity's incidents. */
  async entity(options: {
    entityRef: string;
    action: FollowAction;
    caller: Caller;
  }): Promise<FollowState> {
    const { entityRef, caller } = options;
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: caller.credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    return this.apply(
      { targetType: 'entity', targetId: entityRef },
      options.action,
      caller,
    );
  }

  /** Who receives a public status update of an incident the caller may read. */
  async audience(idOrNumber: string, caller: Caller): Promise<Audience> {
    const incident = await this.incidents.get(idOrNumber, caller);
    const followers = await listFollowers(this.deps.db, [
      { targetType: 'incident', targetId: incident.id },
      { targetType: 'entity', targetId: incident.entityRef },
    ]);
    return { recipients: publicUpdateAudience({ incident, followers }) };
  }

  private async apply(
    target: FollowTarget,
    action: FollowAction,
    caller: Caller,
  ): Promise<FollowState> {
    const { db } = this.deps;
    if (action !== 'get' && !caller.actorRef.startsWith('user:')) {
      throw new NotAllowedError('Only signed-in users can follow');
    }
    const userRef = caller.actorRef;
    if (action === 'follow') {
      await addFollower(db, {
        ...target,
        userRef,
        now: this.deps.now?.() ?? Date.now(),
      });
    } else if (action === 'unfollow') {
      await removeFollower(db, { ...target, userRef });
    }
    return followState(db, { ...target, userRef });
  }
}
