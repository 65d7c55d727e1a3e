import { Link, Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { itsmApiRef } from '../../api';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { LoadMoreButton } from '../shared/LoadMoreButton';
import { PROBLEM_STATUS_LABELS } from '../shared/labels';
import { narrowColumn, textColumn } from '../shared/tableColumns';
import { useRecordsRevision } from '../shared/useLiveRevision';
import { usePagedList } from '../shared/usePagedList';
import { useRecordLinks } from '../shared/useRecordLinks';
import { useDebouncedSearch } from '../shared/useDebouncedSearch';

/** The known error database: documented root causes and workarounds, searchable. */
export function KnownErrorDatabase() {
  const itsmApi = useApi(itsmApiRef);
  const links = useRecordLinks();
  const { search, setSearch, text } = useDebouncedSearch();
  const live = useRecordsRevision();
  const knownErrors = usePagedList({
    load: cursor =>
      itsmApi.listKnownErrors({ text: text || undefined, cursor, limit: 100 }),
    key: text,
    revision: live,
  });
  const columns: TableColumn<Problem>[] = [
    {
      title: 'Number',
      field: 'number',
      ...narrowColumn(),
      render: p => <Link to={links.problem(p.number)}>{p.number}</Link>,
    },
    { title: 'Known error', field: 'title', ...textColumn('20%') },
    {
      title: 'Symptoms',
      field: 'symptoms',
      ...textColumn('22%', { breakLongWords: true }),
    },
    {
      title: 'Root cause',
      field: 'rootCause',
      ...textColumn('24%', { breakLongWords: true }),
      render: p => (
        <>
          {p.rootCause}
          {p.entityRef && (
            <Box mt={0.5}>
              in <EntityRefLink entityRef={p.entityRef} />
            </Box>
          )}
        </>
      ),
    },
    {
      title: 'Workaround',
      field: 'workaround',
      ...textColumn('26%', { breakLongWords: true }),
    },
    {
      title: 'Status',
      field: 'status',
      ...textColumn('8%'),
      render: p =>
        p.status === 'resolved' || p.status === 'closed'
          ? `Fixed (${PROBLEM_STATUS_LABELS[p.status].toLocaleLowerCase(
              'en-US',
            )})`
          : PROBLEM_STATUS_LABELS[p.status],
    },
  ];
  return (
    <>
      <Box mb={2}>
        <TextField
          id="itsm-search-symptoms-causes-and-workarounds"
          size="small"
          variant="outlined"
          type="search"
          label="Search symptoms, causes and workarounds"
          style={{ minWidth: 360 }}
          value={search}
          onChange={event => setSearch(event.target.value)}
        />
      </Box>
      {knownErrors.loading && <Progress />}
      {knownErrors.error && (
        <ItsmErrorPanel
          error={knownErrors.error}
          action="search known errors"
        />
      )}
      {!knownErrors.loading && !knownErrors.error && (
        <Table<Problem>
          title="Known error database"
          columns={columns}
          data={knownErrors.items}
          emptyContent={
            <Box p={2}>
              No known errors match. A problem becomes a known error once its
              root cause and workaround are documented and published.
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
      <LoadMoreButton list={knownErrors} what="known errors" />
    </>
  );
}
