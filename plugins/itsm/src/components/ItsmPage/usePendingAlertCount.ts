import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { itsmIncidentCreatePermission } from '@backstage-itsm/plugin-itsm-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';

/**
 * How many unrouted alerts wait, for the inbox tab; undefined while loading,
 * on failure, or when the user may not triage the inbox.
 */
export function usePendingAlertCount(): {
  count: number | undefined;
  refresh: () => void;
} {
  const itsmApi = useApi(itsmApiRef);
  const { allowed } = usePermission({
    permission: itsmIncidentCreatePermission,
  });
  const pending = useAsyncRetry(async () => {
    if (!allowed) {
      return undefined;
    }
    return (await itsmApi.countUnroutedAlerts({ status: 'pending' })).count;
  }, [itsmApi, allowed]);
  return { count: pending.value, refresh: pending.retry };
}
