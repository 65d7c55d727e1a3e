import { useState } from 'react';
import {
  Incident,
  IncidentStatus,
  IncidentTransitionRequest,
  allowedIncidentTransitions,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { TransitionDialog } from '../shared/TransitionDialog';
import { errorMessage } from '../shared/errorMessage';
import { INCIDENT_ACTION_LABELS } from '../shared/labels';
import { incidentTransitionPrompt } from './incidentTransitionFields';

/** The lifecycle moves valid from the incident's status, as buttons. */
export function IncidentActions(props: {
  incident: Incident;
  onTransition: (move: IncidentTransitionRequest) => Promise<unknown>;
}) {
  const { incident, onTransition } = props;
  const [prompting, setPrompting] = useState<IncidentStatus>();
  const [direct, moveDirectly] = useAsyncFn(
    (to: IncidentStatus) => onTransition({ version: incident.version, to }),
    [incident.version, onTransition],
  );
  const moves = allowedIncidentTransitions(incident.status);
  if (moves.length === 0) {
    return null;
  }
  const prompt = prompting && incidentTransitionPrompt(prompting, incident);

  return (
    <Box display="flex" gridGap={8} flexWrap="wrap" alignItems="center">
      {moves.map(to => {
        const needsPrompt =
          incidentTransitionPrompt(to, incident).description !== '';
        return (
          <Button
            key={to}
            variant={to === 'cancelled' ? 'text' : 'contained'}
            color={
              to === 'in_progress' || to === 'resolved' ? 'primary' : 'default'
            }
            disabled={direct.loading}
            onClick={() => (needsPrompt ? setPrompting(to) : moveDirectly(to))}
          >
            {to === 'in_progress' && incident.status !== 'new'
              ? 'Resume'
              : INCIDENT_ACTION_LABELS[to]}
          </Button>
        );
      })}
      {direct.error && (
        <Alert severity="error">{errorMessage(direct.error)}</Alert>
      )}
      {prompting && prompt && (
        <TransitionDialog
          title={`${INCIDENT_ACTION_LABELS[prompting]} ${incident.number}`}
          description={prompt.description}
          fields={prompt.fields}
          confirmLabel={INCIDENT_ACTION_LABELS[prompting]}
          onClose={() => setPrompting(undefined)}
          onConfirm={values =>
            onTransition({
              version: incident.version,
              to: prompting,
              ...values,
            } as IncidentTransitionRequest)
          }
        />
      )}
    </Box>
  );
}
