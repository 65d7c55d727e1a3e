import { useMemo, useState } from 'react';
import { EmptyState, Progress, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  DEFAULT_PAGE_LIMIT,
  INCIDENT_STATUSES,
  Incident,
  IncidentStatus,
  OPEN_INCIDENT_STATUSES,
  PRIORITIES,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useDebounce from 'react-use/esm/useDebounce';
import { IncidentQueueQuery, itsmApiRef } from '../../api';
import { ItsmErrorPanel } from './ItsmErrorPanel';
import { incidentColumns } from './incidentColumns';
import { INCIDENT_STATUS_LABELS, priorityText } from './labels';
import { useRecordLinks } from './useRecordLinks';

type StatusFilter = 'open' | 'all' | IncidentStatus;

interface MorePages {
  query: IncidentQueueQuery;
  items: Incident[];
  nextCursor: string | null;
}

function statusesOf(filter: StatusFilter): string[] | undefined {
  if (filter === 'open') {
    return [...OPEN_INCIDENT_STATUSES];
  }
  return filter === 'all' ? undefined : [filter];
}

/**
 * Incidents matching a base query, newest first with open ones on top when
 * filtering on open; filters for status, priority and text; keyset paging.
 */
export function IncidentList(props: {
  baseQuery: IncidentQueueQuery;
  title: string;
  showEntity?: boolean;
  emptyDescription: (filtered: 'none' | 'open' | 'other') => string;
  actions?: JSX.Element | null;
  reloadKey?: unknown;
}) {
  const { baseQuery, showEntity } = props;
  const itsmApi = useApi(itsmApiRef);
  const links = useRecordLinks();
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('open');
  const [priority, setPriority] = useState<Priority | undefined>();
  const [text, setText] = useState('');
  const [searchText, setSearchText] = useState('');
  useDebounce(() => setSearchText(text.trim()), 300, [text]);

  const baseKey = JSON.stringify(baseQuery);
  const query = useMemo<IncidentQueueQuery>(
    () => ({
      ...JSON.parse(baseKey),
      status: statusesOf(statusFilter),
      priority: priority ? [priority] : undefined,
      text: searchText || undefined,
      limit: DEFAULT_PAGE_LIMIT,
    }),
    [baseKey, statusFilter, priority, searchText],
  );

  const firstPage = useAsync(
    () => itsmApi.listIncidents(query),
    [itsmApi, query, props.reloadKey],
  );

  // Pages loaded with "Load more" are tagged with their query, so that a
  // filter change (even one racing a pending request) drops them.
  const [more, setMore] = useState<MorePages>();
  const currentMore = more?.query === query ? more : undefined;
  const items = [
    ...(firstPage.value?.items ?? []),
    ...(currentMore?.items ?? []),
  ];
  const nextCursor = currentMore
    ? currentMore.nextCursor
    : firstPage.value?.nextCursor ?? null;

  const [moreState, loadMore] = useAsyncFn(async () => {
    if (!nextCursor) {
      return;
    }
    const page = await itsmApi.listIncidents({ ...query, cursor: nextCursor });
    setMore(prev => ({
      query,
      items: [...(prev?.query === query ? prev.items : []), ...page.items],
      nextCursor: page.nextCursor,
    }));
  }, [itsmApi, query, nextCursor]);

  const columns = incidentColumns({
    incidentLink: links.incident,
    showEntity,
  });

  let filtered: 'none' | 'open' | 'other' = 'other';
  if (!priority && !searchText) {
    if (statusFilter === 'all') filtered = 'none';
    if (statusFilter === 'open') filtered = 'open';
  }

  let body;
  // A reload after a change keeps the rows shown until the new ones arrive.
  if (firstPage.loading && !firstPage.value) {
    body = <Progress />;
  } else if (firstPage.error) {
    body = <ItsmErrorPanel error={firstPage.error} action="load incidents" />;
  } else if (items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No incidents"
        description={props.emptyDescription(filtered)}
      />
    );
  } else {
    body = (
      <>
        <Table<Incident>
          title={props.title}
          columns={columns}
          data={items}
          options={{
            paging: false,
            search: false,
            sorting: false,
            padding: 'dense',
          }}
        />
        {moreState.error && (
          <ItsmErrorPanel
            error={moreState.error}
            action="load more incidents"
          />
        )}
        {nextCursor && (
          <Box display="flex" justifyContent="center" mt={2}>
            <Button
              variant="outlined"
              onClick={() => loadMore()}
              disabled={moreState.loading}
            >
              {moreState.loading ? 'Loading…' : 'Load more'}
            </Button>
          </Box>
        )}
      </>
    );
  }

  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mb={2}
        gridGap={16}
      >
        <TextField
          id="itsm-status"
          select
          size="small"
          variant="outlined"
          label="Status"
          style={{ minWidth: 160 }}
          value={statusFilter}
          onChange={event =>
            setStatusFilter(event.target.value as StatusFilter)
          }
        >
          <MenuItem value="open">Open</MenuItem>
          <MenuItem value="all">All</MenuItem>
          {INCIDENT_STATUSES.map(status => (
            <MenuItem key={status} value={status}>
              {INCIDENT_STATUS_LABELS[status]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="itsm-priority"
          select
          size="small"
          variant="outlined"
          label="Priority"
          style={{ minWidth: 160 }}
          value={priority ?? ''}
          onChange={event => {
            const value = Number(event.target.value);
            setPriority(
              PRIORITIES.includes(value as Priority)
                ? (value as Priority)
                : undefined,
            );
          }}
        >
          <MenuItem value="">Any</MenuItem>
          {PRIORITIES.map(p => (
            <MenuItem key={p} value={p}>
              {priorityText(p)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="itsm-search"
          size="small"
          variant="outlined"
          type="search"
          label="Search"
          value={text}
          onChange={event => setText(event.target.value)}
        />
        <Box flex={1} />
        {props.actions}
      </Box>
      {body}
    </>
  );
}
