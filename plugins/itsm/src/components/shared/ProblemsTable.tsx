import { Link, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { PriorityChip } from './PriorityChip';
import { formatAge } from './formatAge';
import { PROBLEM_STATUS_LABELS } from './labels';
import { narrowColumn, wrappingColumn } from './tableColumns';
import { useRecordLinks } from './useRecordLinks';

/** Problems as a table; `showAffected` lists the services each one hurts. */
export function ProblemsTable(props: {
  title: string;
  problems: Problem[];
  showAffected?: boolean;
  showRootCause?: boolean;
  emptyContent?: JSX.Element;
}) {
  const links = useRecordLinks();
  const columns: TableColumn<Problem>[] = [
    {
      title: 'Number',
      field: 'number',
      ...narrowColumn(),
      render: p => <Link to={links.problem(p.number)}>{p.number}</Link>,
    },
    {
      title: 'Title',
      field: 'title',
      ...wrappingColumn('36%'),
      render: p => (
        <Box display="flex" gridGap={6} alignItems="center" flexWrap="wrap">
          {p.title}
          {p.knownError && (
            <Chip size="small" color="secondary" label="Known error" />
          )}
          {p.source === 'detected' && p.status === 'new' && (
            <Chip size="small" variant="outlined" label="Proposed" />
          )}
        </Box>
      ),
    },
    {
      title: 'Priority',
      field: 'priority',
      ...narrowColumn(),
      render: p => <PriorityChip priority={p.priority} />,
    },
    {
      title: 'Status',
      field: 'status',
      ...wrappingColumn('12%'),
      render: p => PROBLEM_STATUS_LABELS[p.status],
    },
  ];
  if (props.showRootCause) {
    columns.push({
      title: 'Root cause in',
      field: 'entityRef',
      ...wrappingColumn('14%'),
      render: p =>
        p.entityRef ? <EntityRefLink entityRef={p.entityRef} /> : 'Unknown',
    });
  }
  if (props.showAffected) {
    columns.push({
      title: 'Services hurt',
      field: 'affectedEntityRefs',
      ...wrappingColumn('16%'),
      render: p =>
        p.affectedEntityRefs.length === 0
          ? 'None yet'
          : p.affectedEntityRefs.map(ref => (
              <Box key={ref}>
                <EntityRefLink entityRef={ref} />
              </Box>
            )),
    });
  }
  columns.push(
    {
      title: 'Incidents',
      field: 'incidentCount',
      type: 'numeric',
      ...narrowColumn(),
    },
    {
      title: 'Age',
      field: 'createdAt',
      ...narrowColumn(),
      render: p => formatAge({ from: p.createdAt }),
    },
  );
  return (
    <Table<Problem>
      title={props.title}
      columns={columns}
      data={props.problems}
      emptyContent={props.emptyContent}
      options={{
        paging: false,
        search: false,
        sorting: false,
        padding: 'dense',
      }}
    />
  );
}
