import { useMemo } from 'react';
import { EmptyState, Progress, Table } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { LoadMoreButton } from '../shared/LoadMoreButton';
import { incidentColumns } from '../shared/incidentColumns';
import { usePagedList } from '../shared/usePagedList';
import { useRecordsRevision } from '../shared/useLiveRevision';
import { useRecordLinks } from '../shared/useRecordLinks';
import { LogIncidentAnywhere } from './LogIncidentAnywhere';
import { QueueFilterBar } from './QueueFilterBar';
import {
  QueueFilters,
  filtersFromSearch,
  pinnedQuery,
  queryOfFilters,
  searchFromFilters,
} from './queueFilters';

const TABLE_OPTIONS = {
  paging: false,
  search: false,
  sorting: false,
  padding: 'dense' as const,
};

/**
 * The organisation's incident queue: every incident the user may read, the
 * open P1 and P2 ones pinned on top, filters and order kept in the URL.
 */
export function IncidentQueue() {
  const itsmApi = useApi(itsmApiRef);
  const identityApi = useApi(identityApiRef);
  const links = useRecordLinks();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const update = (changes: Partial<QueueFilters>) =>
    setParams(searchFromFilters({ ...filters, ...changes }), { replace: true });

  const teams = useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    return identity.ownershipEntityRefs.filter(ref => ref.startsWith('group:'));
  }, [identityApi]);
  const waitingForTeams = filters.myTeams && !teams.value && !teams.error;
  const query = queryOfFilters(filters, teams.value ?? []);
  const queryKey = JSON.stringify(query);
  const pinnedKey = JSON.stringify(pinnedQuery(query));
  const live = useRecordsRevision();

  const pinned = usePagedList({
    load: cursor =>
      itsmApi.listIncidents({ ...JSON.parse(pinnedKey), cursor, limit: 50 }),
    key: waitingForTeams ? '' : pinnedKey,
    revision: live,
  });
  const list = usePagedList({
    load: cursor =>
      itsmApi.listIncidents({ ...JSON.parse(queryKey), cursor, limit: 50 }),
    key: waitingForTeams ? '' : queryKey,
    revision: live,
  });
  // A pinned incident is shown once, above.
  const rest = useMemo(() => {
    const pinnedIds = new Set(pinned.items.map(incident => incident.id));
    return list.items.filter(incident => !pinnedIds.has(incident.id));
  }, [list.items, pinned.items]);
  const columns = incidentColumns({
    incidentLink: links.incident,
    showEntity: true,
  });

  let body;
  if (waitingForTeams || list.loading) {
    body = <Progress />;
  } else if (list.error) {
    body = <ItsmErrorPanel error={list.error} action="load incidents" />;
  } else if (rest.length === 0 && pinned.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No incidents"
        description={
          filters.myTeams && teams.value?.length === 0
            ? 'You are not a member of any team in the catalog, so no incidents are yours. Clear "My teams" to see every team’s.'
            : 'No incidents match these filters.'
        }
      />
    );
  } else {
    body = (
      <>
        <Table<Incident>
          title="Incidents"
          columns={columns}
          data={rest}
          options={TABLE_OPTIONS}
          emptyContent={
            <Box p={2}>Only the pinned incidents match these filters.</Box>
          }
        />
        <LoadMoreButton list={list} what="incidents" />
      </>
    );
  }

  return (
    <>
      <Box display="flex" alignItems="flex-start" gridGap={16} mb={2}>
        <Box flex={1}>
          <QueueFilterBar filters={filters} onChange={update} />
        </Box>
        <LogIncidentAnywhere />
      </Box>
      {pinned.error && (
        <ItsmErrorPanel
          error={pinned.error}
          action="load the open P1 and P2 incidents"
        />
      )}
      {pinned.items.length > 0 && (
        <Box mb={3} role="region" aria-label="Open P1 and P2 incidents">
          <Table<Incident>
            title="Open P1 and P2"
            columns={columns}
            data={pinned.items}
            options={TABLE_OPTIONS}
          />
          <LoadMoreButton list={pinned} what="open P1 and P2 incidents" />
        </Box>
      )}
      {body}
    </>
  );
}
