import { ResourcePermission } from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';

/** Whether the signed-in user may use a record permission on one record. */
export function usePermissionOn(
  permission: ResourcePermission,
  resourceRef: string | undefined,
): { loading: boolean; allowed: boolean } {
  const result = usePermission(
    resourceRef
      ? { permission, resourceRef }
      : { permission, resourceRef: undefined },
  );
  return { loading: result.loading, allowed: !!resourceRef && result.allowed };
}
