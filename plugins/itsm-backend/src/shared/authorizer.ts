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
    const decisions = await this.permissions.authorizeConditional(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
    return decisions.map((decision, index) =>
      this.restrictionOf(permissions[index], decision),
    );
  }

  private restrictionOf(
    permission: RecordPermission,
    decision: Awaited<
      ReturnType<PermissionsService['authorizeConditional']>
    >[number],
  ): QueryRestriction | undefined {
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(`You are not allowed to ${permission.name}`);
    }
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return undefined;
    }
    const ruleset =
      permission.resourceType === 'itsm-incident'
        ? this.incidentRuleset
        : this.problemRuleset;
    const criteria = createConditionTransformer<ItsmRuleQuery>(ruleset)(
      decision.conditions,
    );
    return query => whereCriteria(query, criteria);
  }
}
