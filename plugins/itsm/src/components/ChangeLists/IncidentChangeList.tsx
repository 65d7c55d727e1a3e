import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { formatDuration } from '../ReliabilityCharts/formatDuration';
import { FoundViaText } from '../shared/FoundViaText';
import { errorMessage } from '../shared/errorMessage';
import { ChangeSummary } from './ChangeSummary';

/**
 * "What changed?": deploys, config pushes, flag flips and migrations on the
 * incident's entity and what it depends on in the window before detection,
 * newest first, with the path through the dependency graph.
 */
export function IncidentChangeList(props: { incident: Incident }) {
  const { incident } = props;
  const itsmApi = useApi(itsmApiRef);
  const found = useAsync(
    () => itsmApi.listIncidentChanges(incident.id),
    [itsmApi, incident.id, incident.detectedAt],
  );

  let body;
  if (found.loading && !found.value) {
    body = <Progress />;
  } else if (found.error) {
    body = (
      <Alert severity="warning">
        Could not load changes: {errorMessage(found.error)}
      </Alert>
    );
  } else if (!found.value || found.value.items.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No change was recorded on this entity or what it depends on in the{' '}
        {formatDuration(found.value?.windowMs ?? null)} before detection.
      </Typography>
    );
  } else {
    body = found.value.items.map(item => (
      <Paper
        key={item.change.id}
        variant="outlined"
        style={{ padding: 12, marginBottom: 8 }}
        role="group"
        aria-label={`Change ${item.change.summary}`}
      >
        <ChangeSummary change={item.change} />
        <Typography variant="caption" color="textSecondary" component="div">
          {formatDuration(item.beforeDetectionMs)} before detection ·{' '}
          {new Date(item.change.occurredAt).toLocaleString()}
        </Typography>
        <FoundViaText found={item} what="incident's entity" />
      </Paper>
    ));
  }

  return <InfoCard title="What changed before this">{body}</InfoCard>;
}
