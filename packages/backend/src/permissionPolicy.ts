import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createItsmIncidentConditionalDecision,
  createItsmProblemConditionalDecision,
  itsmIncidentConditions,
  itsmProblemConditions,
} from '@backstage-itsm/plugin-itsm-backend';
import {
  itsmIncidentUpdatePermission,
  itsmProblemUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * The demo's policy: every signed-in user may read and create; incidents and
 * problems may be updated by owners of their entity, their assignee, or
 * members of the configured admin groups. Everything else is allowed, as in
 * Backstage's default demo policy.
 *
 * Services never reach this policy: Backstage decides their permissions from
 * their token's access restrictions. So the MCP actions of a client with the
 * demo's static MCP token, which run as the service `plugin:mcp-actions`,
 * may do what the ITSM API allows any service; an MCP client signed in as a
 * user gets that user's decisions from here.
 */
export class ItsmDemoPermissionPolicy implements PermissionPolicy {
  constructor(private readonly adminGroups: string[]) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = user?.info.ownershipEntityRefs ?? [];
    const isAdmin = claims.some(ref => this.adminGroups.includes(ref));
    if (isPermission(request.permission, itsmIncidentUpdatePermission)) {
      return isAdmin
        ? { result: AuthorizeResult.ALLOW }
        : createItsmIncidentConditionalDecision(request.permission, {
            anyOf: [
              itsmIncidentConditions.isEntityOwner({ claims }),
              itsmIncidentConditions.isAssignee({ claims }),
            ],
          });
    }
    if (isPermission(request.permission, itsmProblemUpdatePermission)) {
      return isAdmin
        ? { result: AuthorizeResult.ALLOW }
        : createItsmProblemConditionalDecision(request.permission, {
            anyOf: [
              itsmProblemConditions.isEntityOwner({ claims }),
              itsmProblemConditions.isAssignee({ claims }),
            ],
          });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Installs {@link ItsmDemoPermissionPolicy} with `itsm.adminGroups` from config. */
export const itsmDemoPermissionPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'itsm-demo-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const adminGroups = (
          config.getOptionalStringArray('itsm.adminGroups') ?? []
        ).map(ref => ref.toLocaleLowerCase('en-US'));
        policy.setPolicy(new ItsmDemoPermissionPolicy(adminGroups));
      },
    });
  },
});
