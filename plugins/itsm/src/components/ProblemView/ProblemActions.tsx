import { useState } from 'react';
import {
  Problem,
  ProblemStatus,
  ProblemTransitionRequest,
  allowedProblemTransitions,
  canPublishKnownError,
  isOpenProblemStatus,
  isProblemProposal,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { TransitionDialog } from '../shared/TransitionDialog';
import { errorMessage } from '../shared/errorMessage';
import { PROBLEM_ACTION_LABELS } from '../shared/labels';
import { Confirmable, confirmPrompt } from './proposalPrompts';
import { problemTransitionPrompt } from './problemTransitionFields';

/**
 * Lifecycle moves valid from the problem's status, and publishing it as a
 * known error; accepting, rejecting and publishing are confirmed first.
 */
export function ProblemActions(props: {
  problem: Problem;
  onTransition: (move: ProblemTransitionRequest) => Promise<unknown>;
  onPublishKnownError: () => Promise<unknown>;
}) {
  const { problem, onTransition, onPublishKnownError } = props;
  const [prompting, setPrompting] = useState<ProblemStatus>();
  const [direct, moveDirectly] = useAsyncFn(
    (to: ProblemStatus) => onTransition({ version: problem.version, to }),
    [problem.version, onTransition],
  );
  const [confirming, setConfirming] = useState<Confirmable>();
  const fromOpen = isOpenProblemStatus(problem.status);
  const prompt =
    prompting && problemTransitionPrompt({ to: prompting, fromOpen });
  const publishable = canPublishKnownError(problem);
  const failure = direct.error;
  const confirmDialog = confirming && (
    <TransitionDialog
      {...confirmPrompt({ problem, decision: confirming })}
      onClose={() => setConfirming(undefined)}
      onConfirm={values => {
        if (confirming === 'publish') {
          return onPublishKnownError();
        }
        return onTransition(
          confirming === 'accept'
            ? { version: problem.version, to: 'assess' }
            : {
                version: problem.version,
                to: 'closed',
                resolutionCode: 'cancelled',
                resolutionNotes: values.resolutionNotes.trim(),
              },
        );
      }}
    />
  );

  if (isProblemProposal(problem)) {
    return (
      <Box display="flex" gridGap={8} flexWrap="wrap" alignItems="center">
        <Button
          variant="contained"
          color="primary"
          onClick={() => setConfirming('accept')}
        >
          Accept proposal
        </Button>
        <Button variant="outlined" onClick={() => setConfirming('reject')}>
          Reject proposal
        </Button>
        {confirmDialog}
      </Box>
    );
  }

  return (
    <Box display="flex" gridGap={8} flexWrap="wrap" alignItems="center">
      {allowedProblemTransitions(problem.status).map(to => (
        <Button
          key={to}
          variant={to === 'closed' ? 'text' : 'contained'}
          color={to === 'closed' ? 'default' : 'primary'}
          disabled={direct.loading}
          onClick={() =>
            problemTransitionPrompt({ to, fromOpen })
              ? setPrompting(to)
              : moveDirectly(to)
          }
        >
          {to === 'root_cause_analysis' && problem.status === 'resolved'
            ? 'Reopen analysis'
            : PROBLEM_ACTION_LABELS[to]}
        </Button>
      ))}
      {!problem.knownError && fromOpen && (
        <Tooltip
          title={
            publishable
              ? 'Publish root cause and workaround to the known error database'
              : 'Document the root cause and a workaround first'
          }
        >
          <span>
            <Button
              variant="outlined"
              color="secondary"
              disabled={!publishable}
              onClick={() => setConfirming('publish')}
            >
              Publish as known error
            </Button>
          </span>
        </Tooltip>
      )}
      {failure && <Alert severity="error">{errorMessage(failure)}</Alert>}
      {confirmDialog}
      {prompting && prompt && (
        <TransitionDialog
          title={`${PROBLEM_ACTION_LABELS[prompting]} ${problem.number}`}
          description={prompt.description}
          fields={prompt.fields}
          confirmLabel={PROBLEM_ACTION_LABELS[prompting]}
          onClose={() => setPrompting(undefined)}
          onConfirm={values =>
            onTransition({
              version: problem.version,
              to: prompting,
              ...prompt.fixed,
              ...Object.fromEntries(
                Object.entries(values).filter(([, v]) => v.trim() !== ''),
              ),
            } as ProblemTransitionRequest)
          }
        />
      )}
    </Box>
  );
}
