import { useState } from 'react';
import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Incident,
  OPEN_PROBLEM_STATUSES,
  Problem,
  isOpenIncidentStatus,
  isTerminalIncidentStatus,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import {
  INCIDENT_STATUS_LABELS,
  PROBLEM_STATUS_LABELS,
} from '../shared/labels';
import { useRecordLinks } from '../shared/useRecordLinks';
import { useDebouncedSearch } from '../shared/useDebouncedSearch';

/**
 * The incident's problem: a link once there is one; otherwise creating a
 * problem from the incident, or linking it to an existing open problem.
 */
export function ProblemLinkCard(props: {
  incident: Incident;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { incident, canEdit, onChanged } = props;
  const itsmApi = useApi(itsmApiRef);
  const links = useRecordLinks();
  const navigate = useNavigate();
  // Parking a live incident is a decision, not a default.
  const [holdRequested, setHoldIncident] = useState(false);
  const canHold = isOpenIncidentStatus(incident.status);
  const holdIncident = canHold && holdRequested;
  const { setSearch, text } = useDebouncedSearch();
  const [chosen, setChosen] = useState<Problem | null>(null);

  const linked = useAsync(
    async () =>
      incident.problemId ? itsmApi.getProblem(incident.problemId) : undefined,
    [itsmApi, incident.problemId],
  );
  const candidates = useAsync(async () => {
    if (incident.problemId || !canEdit) {
      return [];
    }
    const page = await itsmApi.listProblems({
      status: [...OPEN_PROBLEM_STATUSES],
      text: text || undefined,
      limit: 20,
    });
    return page.items;
  }, [itsmApi, incident.problemId, canEdit, text]);

  const [creating, create] = useAsyncFn(async () => {
    const problem = await itsmApi.createProblemFromIncident(incident.id, {
      holdIncident,
    });
    navigate(links.problem(problem.number));
  }, [itsmApi, incident.id, holdIncident, navigate, links]);
  const [linking, link] = useAsyncFn(async () => {
    if (chosen) {
      await itsmApi.linkIncident(chosen.id, incident.id, { holdIncident });
      onChanged();
    }
  }, [itsmApi, chosen, incident.id, holdIncident, onChanged]);
  const failure = creating.error ?? linking.error;

  if (incident.problemId) {
    return (
      <InfoCard title="Problem">
        {linked.value ? (
          <Typography variant="body2">
            <Link to={links.problem(linked.value.number)}>
              {linked.value.number}
            </Link>{' '}
            {linked.value.title} · {PROBLEM_STATUS_LABELS[linked.value.status]}
            {linked.value.knownError && ' · known error'}
          </Typography>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {linked.error ? errorMessage(linked.error) : 'Loading…'}
          </Typography>
        )}
        {linked.value?.workaround && (
          <Typography variant="body2">
            <strong>Workaround:</strong> {linked.value.workaround}
          </Typography>
        )}
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Problem">
      <Typography variant="body2" color="textSecondary" paragraph>
        No problem is linked. If this may happen again, find its root cause in a
        problem.
      </Typography>
      {canEdit ? (
        <>
          {canHold && (
            <FormControlLabel
              control={
                <Checkbox
                  checked={holdRequested}
                  onChange={event => setHoldIncident(event.target.checked)}
                />
              }
              label="Put the incident on hold until the problem is solved"
            />
          )}
          <Box display="flex" gridGap={8} flexWrap="wrap" alignItems="center">
            <Button
              variant="contained"
              color="primary"
              disabled={creating.loading}
              onClick={() => create()}
            >
              Create problem from this incident
            </Button>
            <Typography variant="body2">or link to</Typography>
            <Box flex={1} minWidth={260}>
              <Autocomplete<Problem>
                options={candidates.value ?? []}
                loading={candidates.loading}
                value={chosen}
                onChange={(_event, value) => setChosen(value)}
                onInputChange={(_event, value) => setSearch(value)}
                getOptionLabel={p => `${p.number} ${p.title}`}
                getOptionSelected={(a, b) => a.id === b.id}
                renderInput={params => (
                  <TextField
                    {...params}
                    size="small"
                    variant="outlined"
                    label="An existing open problem"
                  />
                )}
              />
            </Box>
            <Button
              variant="outlined"
              disabled={!chosen || linking.loading}
              onClick={() => link()}
            >
              Link
            </Button>
          </Box>
        </>
      ) : (
        <Typography variant="body2">
          {isTerminalIncidentStatus(incident.status)
            ? `${incident.number} is ${INCIDENT_STATUS_LABELS[
                incident.status
              ].toLocaleLowerCase('en-US')} and read-only.`
            : 'You may not change this incident.'}
        </Typography>
      )}
      {failure && <Alert severity="error">{errorMessage(failure)}</Alert>}
    </InfoCard>
  );
}
