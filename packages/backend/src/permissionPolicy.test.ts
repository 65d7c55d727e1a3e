import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  itsmIncidentCreatePermission,
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
  itsmProblemUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmDemoPermissionPolicy } from './permissionPolicy';

function userWith(claims: string[]) {
  return {
    identity: {
      type: 'user' as const,
      userEntityRef: claims[0],
      ownershipEntityRefs: claims,
    },
    info: { userEntityRef: claims[0], ownershipEntityRefs: claims },
    credentials: {} as any,
    token: 'token',
  } as any;
}

describe('ItsmDemoPermissionPolicy', () => {
  const policy = new ItsmDemoPermissionPolicy(['group:default/itsm-admins']);
  const member = userWith(['user:default/ben', 'group:default/checkout-team']);

  it('lets every signed-in user read and create', async () => {
    for (const permission of [
      itsmIncidentReadPermission,
      itsmIncidentCreatePermission,
    ]) {
      await expect(policy.handle({ permission }, member)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('limits updates to entity owners and assignees', async () => {
    const decision = await policy.handle(
      { permission: itsmIncidentUpdatePermission },
      member,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'itsm',
      resourceType: 'itsm-incident',
      conditions: {
        anyOf: [
          {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'itsm-incident',
            params: { claims: member.info.ownershipEntityRefs },
          },
          {
            rule: 'IS_ASSIGNEE',
            resourceType: 'itsm-incident',
            params: { claims: member.info.ownershipEntityRefs },
          },
        ],
      },
    });
  });

  it('lets admin group members update anything', async () => {
    const admin = userWith(['user:default/julia', 'group:default/itsm-admins']);
    for (const permission of [
      itsmIncidentUpdatePermission,
      itsmProblemUpdatePermission,
    ]) {
      await expect(policy.handle({ permission }, admin)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });
});
