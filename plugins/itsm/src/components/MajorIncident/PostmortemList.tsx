import { useState } from 'react';
import { Link, Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  POSTMORTEM_STATUSES,
  PostmortemListItem,
  PostmortemStatus,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { itsmApiRef } from '../../api';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { LoadMoreButton } from '../shared/LoadMoreButton';
import { PriorityChip } from '../shared/PriorityChip';
import { PrincipalRef } from '../shared/PrincipalRef';
import { formatTime } from '../shared/formatTime';
import { narrowColumn, textColumn } from '../shared/tableColumns';
import { useRecordsRevision } from '../shared/useLiveRevision';
import { usePagedList } from '../shared/usePagedList';
import { useRecordLinks } from '../shared/useRecordLinks';
import { POSTMORTEM_STATUS_LABELS } from './postmortemStatusLabels';

/** Every postmortem the user may read, most recently changed first, filtered by review status. */
export function PostmortemList() {
  const itsmApi = useApi(itsmApiRef);
  const links = useRecordLinks();
  const live = useRecordsRevision();
  const [status, setStatus] = useState<PostmortemStatus | undefined>();
  const postmortems = usePagedList({
    load: cursor =>
      itsmApi.listPostmortems({
        status: status ? [status] : undefined,
        cursor,
        limit: 50,
      }),
    key: status ?? 'all',
    revision: live,
  });
  const columns: TableColumn<PostmortemListItem>[] = [
    {
      title: 'Incident',
      field: 'incidentNumber',
      ...narrowColumn(),
      render: p => (
        <Link to={links.incident(p.incidentNumber)}>{p.incidentNumber}</Link>
      ),
    },
    {
      title: 'Title',
      field: 'incidentTitle',
      ...textColumn('34%'),
      render: p => (
        <>
          {p.incidentTitle}
          {p.major && (
            <Box mt={0.5}>
              <Chip size="small" color="secondary" label="Major" />
            </Box>
          )}
        </>
      ),
    },
    {
      title: 'Entity',
      field: 'entityRef',
      ...textColumn('18%'),
      render: p => <EntityRefLink entityRef={p.entityRef} />,
    },
    {
      title: 'Priority',
      field: 'priority',
      ...narrowColumn(),
      render: p => <PriorityChip priority={p.priority as Priority} />,
    },
    {
      title: 'Commander',
      field: 'commanderRef',
      ...textColumn('14%'),
      render: p =>
        p.commanderRef ? <PrincipalRef entityRef={p.commanderRef} /> : '—',
    },
    {
      title: 'Review',
      field: 'status',
      ...textColumn('10%'),
      render: p => POSTMORTEM_STATUS_LABELS[p.status],
    },
    {
      title: 'Changed',
      field: 'updatedAt',
      ...textColumn('14%'),
      render: p => formatTime(p.updatedAt),
    },
  ];
  return (
    <>
      <Box
        mb={2}
        display="flex"
        gridGap={8}
        role="group"
        aria-label="Review status"
      >
        <Chip
          label="All"
          color={status === undefined ? 'primary' : 'default'}
          onClick={() => setStatus(undefined)}
        />
        {POSTMORTEM_STATUSES.map(s => (
          <Chip
            key={s}
            label={POSTMORTEM_STATUS_LABELS[s]}
            color={status === s ? 'primary' : 'default'}
            onClick={() => setStatus(s)}
          />
        ))}
      </Box>
      {postmortems.loading && <Progress />}
      {postmortems.error && (
        <ItsmErrorPanel error={postmortems.error} action="list postmortems" />
      )}
      {!postmortems.loading && !postmortems.error && (
        <Table<PostmortemListItem>
          title="Postmortems"
          columns={columns}
          data={postmortems.items}
          emptyContent={
            <Box p={2}>
              {status
                ? `No postmortem is ${POSTMORTEM_STATUS_LABELS[
                    status
                  ].toLocaleLowerCase('en-US')}.`
                : 'No postmortems yet. Write one on an incident’s Postmortem tab after it is resolved.'}
            </Box>
          }
          options={{
            paging: false,
            search: false,
            sorting: false,
            padding: 'dense',
          }}
        />
      )}
      <LoadMoreButton list={postmortems} what="postmortems" />
    </>
  );
}
