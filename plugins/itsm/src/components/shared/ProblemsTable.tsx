import { Link, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Theme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { PriorityChip } from './PriorityChip';
import { formatAge } from './formatAge';
import { PROBLEM_STATUS_LABELS } from './labels';
import { narrowColumn, textColumn } from './tableColumns';
import { useRecordLinks } from './useRecordLinks';

/**
 * Problems as a table; `showAffected` lists the services each one hurts.
 * Below 1280 px eight columns leave the title no room, so the priority
 * joins the title's chips and the age goes under the number.
 */
export function ProblemsTable(props: {
  title: string;
  problems: Problem[];
  showAffected?: boolean;
  showRootCause?: boolean;
  emptyContent?: JSX.Element;
}) {
  const links = useRecordLinks();
  const compact = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const columns: TableColumn<Problem>[] = [
    {
      title: 'Number',
      field: 'number',
      ...narrowColumn(),
      render: p => (
        <>
          <Link to={links.problem(p.number)}>{p.number}</Link>
          {compact && (
            <Typography variant="caption" color="textSecondary" component="div">
              {formatAge({ from: p.createdAt })} old
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Title',
      field: 'title',
      ...textColumn('36%', { minWidth: 200 }),
      render: p => (
        <Box display="flex" gridGap={6} alignItems="center" flexWrap="wrap">
          {p.title}
          {compact && <PriorityChip priority={p.priority} />}
          {p.knownError && (
            <Chip size="small" color="secondary" label="Known error" />
          )}
          {p.source === 'detected' && p.status === 'new' && (
            <Chip size="small" variant="outlined" label="Proposed" />
          )}
        </Box>
      ),
    },
  ];
  if (!compact) {
    columns.push({
      title: 'Priority',
      field: 'priority',
      ...narrowColumn(),
      render: p => <PriorityChip priority={p.priority} />,
    });
  }
  columns.push({
    title: 'Status',
    field: 'status',
    ...textColumn('12%'),
    render: p => PROBLEM_STATUS_LABELS[p.status],
  });
  if (props.showRootCause) {
    columns.push({
      title: 'Root cause in',
      field: 'entityRef',
      ...textColumn('14%'),
      render: p =>
        p.entityRef ? <EntityRefLink entityRef={p.entityRef} /> : 'Unknown',
    });
  }
  if (props.showAffected) {
    columns.push({
      title: 'Services hurt',
      field: 'affectedEntityRefs',
      ...textColumn('16%'),
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
  columns.push({
    title: 'Incidents',
    field: 'incidentCount',
    type: 'numeric',
    ...narrowColumn(),
  });
  if (!compact) {
    columns.push({
      title: 'Age',
      field: 'createdAt',
      ...narrowColumn(),
      render: p => formatAge({ from: p.createdAt }),
    });
  }
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
