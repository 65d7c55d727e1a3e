import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { TriagedIncident } from '../../api';
import { useRecordLinks } from '../shared/useRecordLinks';

/** Points a duplicate at the incident it repeats. */
export function DuplicateOfNotice(props: { incident: TriagedIncident }) {
  const links = useRecordLinks();
  const original = props.incident.duplicateOf;
  if (!original) {
    return null;
  }
  return (
    <Box mb={2}>
      <Alert severity="info">
        Duplicate of{' '}
        <Link to={links.incident(original.number)}>{original.number}</Link>:
        follow the work there.
      </Alert>
    </Box>
  );
}
