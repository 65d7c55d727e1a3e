import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import { Incident, Problem } from '@backstage-itsm/plugin-itsm-common';
import { QueryRestriction } from '../database/incidents';
import { whereCriteria } from '../database/criteriaToSql';
import {
  ItsmRuleQuery,
  incidentResourceRef,
  problemResourceRef,
} from '../permissions/resources';

/** A permission on incidents or on problems. */
export type RecordPermission = ResourcePermission<
  'itsm-incident' | 'itsm-problem'
>;

/**
 * What a caller may read of one kind of record: nothing, or the records a
 * restriction leaves (all of them without one).
 */
export type ReadAccess =
  | { readable: false }
  | { readable: true; restrict?: QueryRestriction };

/**
 * Turns permission decisions into 403s and SQL restrictions. Conditional
 * decisions on one record are applied here with the registered rules, so the
 * permission backend never has to call back into this plugin.
 */
export class Authorizer {
  private readonly incidentRuleset;
  private readonly problemRuleset;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    this.incidentRuleset = registry.getPermissionRuleset(incidentResourceRef);
    this.problemRuleset = registry.getPermissionRuleset(problemResourceRef);
  }

  /** Throws a 403 unless the caller holds a basic permission. */
  async require(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You are not allowed to ${permission.name}`);
    }
  }

  /**
   * Throws a 403 unless the caller holds the permission on this record: an
   * incident for incident permissions, a problem for problem permissions.
   */
  async requireOn(options: {
    permission: RecordPermission;
    record: Incident | Problem;
    credentials: BackstageCredentials;
  }): Promise<void> {
    const { permission, record, credentials } = options;
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    let allowed = decision.result === AuthorizeResult.ALLOW;
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      allowed =
        permission.resourceType === 'itsm-incident'
          ? createConditionAuthorizer(this.incidentRuleset)(
              decision,
              record as Incident,
            )
          : createConditionAuthorizer(this.problemRuleset)(
              decision,
              record as Problem,
            );
    }
    if (!allowed) {
      throw new NotAllowedError(
        `You are not allowed to ${permission.name} on ${record.number}`,
      );
    }
  }

  /**
   * The SQL restriction of a list, from a conditional read decision; a 403
   * when the caller may read nothing.
   */
  async restrictionFor(
    permission: RecordPermission,
    credentials: BackstageCredentials,
  ): Promise<QueryRestriction | undefined> {
    const [restriction] = await this.restrictionsFor([permission], credentials);
    return restriction;
  }

  /** Like {@link restrictionFor} for several permissions, asked in one call. */
  async restrictionsFor(
    permissions: RecordPermission[],
    credentials: BackstageCredentials,
  ): Promise<(QueryRestriction | undefined)[]> {
    const access = await this.readAccessFor(permissions, credentials);
    return access.map((item, index) => {
      if (!item.readable) {
        throw new NotAllowedError(
          `You are not allowed to ${permissions[index].name}`,
        );
      }
      return item.restrict;
    });
  }

  /**
   * What the caller may read under each permission, asked in one call, for
   * lists that mix kinds of records: a denied kind is left out, not a 403.
   */
  async readAccessFor(
    permissions: RecordPermission[],
    credentials: BackstageCredentials,
  ): Promise<ReadAccess[]> {
    const decisions = await this.permissions.authorizeConditional(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
    return decisions.map((decision, index) =>
      this.accessOf(permissions[index], decision),
    );
  }

  private accessOf(
    permission: RecordPermission,
    decision: Awaited<
      ReturnType<PermissionsService['authorizeConditional']>
    >[number],
  ): ReadAccess {
    if (decision.result === AuthorizeResult.DENY) {
      return { readable: false };
    }
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return { readable: true };
    }
    const ruleset =
      permission.resourceType === 'itsm-incident'
        ? this.incidentRuleset
        : this.problemRuleset;
    const criteria = createConditionTransformer<ItsmRuleQuery>(ruleset)(
      decision.conditions,
    );
    return {
      readable: true,
      restrict: query => whereCriteria(query, criteria),
    };
  }
}
