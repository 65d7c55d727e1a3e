import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { formatDuration } from '../ReliabilityCharts/formatDuration';
import { errorMessage } from '../shared/errorMessage';
import { ChangeSummary, kindInWords } from './ChangeSummary';

/**
 * Which changes preceded the problem's linked incidents and how often:
 * "3 of 4 incidents followed a deploy of auth-service within 30 min".
 */
export function ProblemChangeList(props: { problem: Problem }) {
  const { problem } = props;
  const itsmApi = useApi(itsmApiRef);
  const found = useAsync(
    () => itsmApi.getProblemChanges(problem.id),
    [itsmApi, problem.id, problem.version, problem.incidentCount],
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
  } else if (!found.value || found.value.suspects.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No change preceded the linked incidents within{' '}
        {formatDuration(found.value?.windowMs ?? null)}.
      </Typography>
    );
  } else {
    const { windowMs } = found.value;
    body = found.value.suspects.map(suspect => (
      <Paper
        key={`${suspect.entityRef} ${suspect.kind}`}
        variant="outlined"
        style={{ padding: 12, marginBottom: 8 }}
        role="group"
        aria-label={`Changes of ${suspect.entityRef}`}
      >
        <Typography variant="body2">
          <strong>
            {suspect.followedIncidents} of {suspect.totalIncidents} incidents
          </strong>{' '}
          followed a {kindInWords(suspect.kind)} of{' '}
          <EntityRefLink entityRef={suspect.entityRef} /> within{' '}
          {formatDuration(windowMs)}
        </Typography>
        {suspect.changes.map(({ change, incidentNumber }) => (
          <div key={`${change.id} ${incidentNumber}`} style={{ marginTop: 4 }}>
            <ChangeSummary change={change} />
            <Typography variant="caption" color="textSecondary">
              before {incidentNumber} ·{' '}
              {new Date(change.occurredAt).toLocaleString()}
            </Typography>
          </div>
        ))}
      </Paper>
    ));
  }

  return <InfoCard title="Changes before these incidents">{body}</InfoCard>;
}
