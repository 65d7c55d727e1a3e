import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { FoundViaText } from '../shared/FoundViaText';
import { errorMessage } from '../shared/errorMessage';
import { useRecordLinks } from '../shared/useRecordLinks';

/**
 * Known errors of the incident's entity and what it depends on, those
 * matching the incident's words first. "This is it" links the incident to
 * one and takes its workaround. Incidents opened by alerts see them too.
 */
export function IncidentKnownErrors(props: {
  incident: Incident;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { incident, canEdit, onChanged } = props;
  const itsmApi = useApi(itsmApiRef);
  const links = useRecordLinks();
  const found = useAsync(
    () => itsmApi.listIncidentKnownErrors(incident.id),
    [itsmApi, incident.id, incident.version],
  );
  const [applying, apply] = useAsyncFn(
    async (problemId: string) => {
      await itsmApi.applyKnownError(incident.id, {
        problemId,
        version: incident.version,
      });
      onChanged();
    },
    [itsmApi, incident.id, incident.version, onChanged],
  );

  let body;
  if (found.loading && !found.value) {
    body = <Progress />;
  } else if (found.error) {
    body = (
      <Alert severity="warning">
        Could not load known errors: {errorMessage(found.error)}
      </Alert>
    );
  } else if (!found.value || found.value.items.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No known error is recorded on this entity or what it depends on.
      </Typography>
    );
  } else {
    body = found.value.items.map(item => {
      const linked = incident.problemId === item.problem.id;
      return (
        <Paper
          key={item.problem.id}
          variant="outlined"
          style={{ padding: 12, marginBottom: 8 }}
          aria-label={`Known error ${item.problem.number}`}
          role="group"
        >
          <Box display="flex" alignItems="flex-start" gridGap={8}>
            <Box flex={1}>
              <Typography variant="body2">
                <Link to={links.problem(item.problem.number)}>
                  {item.problem.number}
                </Link>{' '}
                <strong>{item.problem.title}</strong>
                {item.matchedWords > 0 &&
                  ` · matches ${item.matchedWords} word${
                    item.matchedWords === 1 ? '' : 's'
                  } of this incident`}
              </Typography>
              <FoundViaText found={item} what="incident's entity" />
              {item.problem.workaround && (
                <Typography variant="body2">
                  <strong>Workaround:</strong> {item.problem.workaround}
                </Typography>
              )}
            </Box>
            {linked && (
              <Typography variant="body2" color="textSecondary">
                Linked
              </Typography>
            )}
            {!linked && canEdit && (
              <Button
                variant="outlined"
                color="primary"
                size="small"
                disabled={applying.loading}
                onClick={() => apply(item.problem.id)}
              >
                This is it
              </Button>
            )}
          </Box>
        </Paper>
      );
    });
  }

  return (
    <InfoCard title="Known errors that may explain this">
      {body}
      {applying.error && (
        <Alert severity="error">{errorMessage(applying.error)}</Alert>
      )}
    </InfoCard>
  );
}
