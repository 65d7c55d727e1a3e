import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { Progress } from '@backstage/core-components';
import useAsync from 'react-use/esm/useAsync';
import { IncidentList } from '../shared/IncidentList';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { useRecordsRevision } from '../shared/useLiveRevision';

/** Incidents on entities owned by the teams the signed-in user belongs to. */
export function MyTeamsIncidents() {
  const identityApi = useApi(identityApiRef);
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const live = useRecordsRevision();
  if (identity.loading) {
    return <Progress />;
  }
  if (identity.error || !identity.value) {
    return (
      <ItsmErrorPanel
        error={identity.error ?? new Error('Not signed in')}
        action="find your teams"
      />
    );
  }
  const teams = identity.value.ownershipEntityRefs.filter(ref =>
    ref.startsWith('group:'),
  );
  return (
    <IncidentList
      title="Incidents of my teams"
      baseQuery={{
        ownerRef: teams.length > 0 ? teams : ['group:default/none'],
      }}
      showEntity
      reloadKey={live}
      emptyDescription={filtered => {
        if (teams.length === 0) {
          return 'You are not a member of any team in the catalog, so no incidents are yours.';
        }
        return filtered === 'open'
          ? 'Your teams have no open incidents.'
          : 'No incidents match these filters.';
      }}
    />
  );
}
