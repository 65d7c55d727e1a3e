import { ChangeEvent, useMemo, useState } from 'react';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { humanizeEntityRef, useEntity } from '@backstage/plugin-catalog-react';
import {
  DEFAULT_PAGE_LIMIT,
  Incident,
  IncidentStatus,
  OPEN_INCIDENT_STATUSES,
  PRIORITIES,
  PRIORITY_LABELS,
  Priority,
  formatPriority,
} from '@internal/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useDebounce from 'react-use/esm/useDebounce';
import { IncidentListQuery, itsmApiRef } from '../../api';
import { formatAge } from './formatAge';

type StatusFilter = 'open' | 'all';

const STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'New',
  in_progress: 'In progress',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

const columns: TableColumn<Incident>[] = [
  { title: 'Number', field: 'number' },
  { title: 'Title', field: 'title' },
  {
    title: 'Priority',
    field: 'priority',
    render: incident => (
      <Chip
        size="small"
        color={incident.priority === 1 ? 'secondary' : 'default'}
        label={`${formatPriority(incident.priority)} ${
          PRIORITY_LABELS[incident.priority]
        }`}
      />
    ),
  },
  {
    title: 'Status',
    field: 'status',
    render: incident => STATUS_LABELS[incident.status],
  },
  {
    title: 'Assignee',
    field: 'assigneeRef',
    render: incident =>
      incident.assigneeRef
        ? humanizeEntityRef(parseEntityRef(incident.assigneeRef), {
            defaultKind: 'user',
          })
        : 'Unassigned',
  },
  {
    title: 'Age',
    field: 'detectedAt',
    render: incident => formatAge({ from: incident.detectedAt }),
  },
];

interface MorePages {
  query: IncidentListQuery;
  items: Incident[];
  nextCursor: string | null;
}

/** Incidents tab of an entity page: the entity's incidents, filterable and paged. */
export function EntityIncidentsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const itsmApi = useApi(itsmApiRef);

  const [statusFilter, setStatusFilter] = useState<StatusFilter>('open');
  const [priority, setPriority] = useState<Priority | undefined>();
  const [text, setText] = useState('');
  const [searchText, setSearchText] = useState('');
  useDebounce(() => setSearchText(text.trim()), 300, [text]);

  const query = useMemo<IncidentListQuery>(
    () => ({
      entityRef,
      status: statusFilter === 'open' ? [...OPEN_INCIDENT_STATUSES] : undefined,
      priority: priority ? [priority] : undefined,
      text: searchText || undefined,
      limit: DEFAULT_PAGE_LIMIT,
    }),
    [entityRef, statusFilter, priority, searchText],
  );

  const firstPage = useAsync(
    () => itsmApi.listIncidents(query),
    [itsmApi, query],
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

  const kind = entity.kind.toLocaleLowerCase('en-US');
  const unfiltered = statusFilter === 'all' && !priority && !searchText;

  let body;
  if (firstPage.loading) {
    body = <Progress />;
  } else if (firstPage.error) {
    body = <ResponseErrorPanel error={firstPage.error} />;
  } else if (items.length === 0) {
    let description = 'No incidents match these filters.';
    if (unfiltered) {
      description = `No incidents have been logged for this ${kind}.`;
    } else if (statusFilter === 'open' && !priority && !searchText) {
      description = `This ${kind} has no open incidents. Choose "All" to see past ones.`;
    }
    body = (
      <EmptyState
        missing="data"
        title="No incidents"
        description={description}
      />
    );
  } else {
    body = (
      <>
        <Table<Incident>
          title="Incidents"
          columns={columns}
          data={items}
          options={{
            paging: false,
            search: false,
            sorting: false,
            padding: 'dense',
          }}
        />
        {moreState.error && <ResponseErrorPanel error={moreState.error} />}
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
        <ToggleButtonGroup
          size="small"
          exclusive
          value={statusFilter}
          aria-label="Status filter"
          onChange={(_event: unknown, value: StatusFilter | null) => {
            if (value) {
              setStatusFilter(value);
            }
          }}
        >
          <ToggleButton value="open">Open</ToggleButton>
          <ToggleButton value="all">All</ToggleButton>
        </ToggleButtonGroup>
        <TextField
          select
          size="small"
          variant="outlined"
          label="Priority"
          style={{ minWidth: 160 }}
          value={priority ?? ''}
          onChange={(event: ChangeEvent<{ value: unknown }>) => {
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
              {`${formatPriority(p)} ${PRIORITY_LABELS[p]}`}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          variant="outlined"
          type="search"
          label="Search"
          value={text}
          onChange={event => setText(event.target.value)}
        />
      </Box>
      {body}
    </>
  );
}
