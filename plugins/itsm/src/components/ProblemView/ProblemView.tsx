import { useCallback, useEffect, useReducer } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  NoteRequest,
  PROBLEM_RESOLUTION_CODES,
  ProblemTransitionRequest,
  UpdateProblemRequest,
  itsmProblemUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { FollowButton } from '../FollowButton';
import { ActionItemsPanel } from '../shared/ActionItemsPanel';
import { Field } from '../shared/Field';
import { formatTime, localiseTimestamps } from '../shared/formatTime';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { RecordHeader } from '../shared/RecordHeader';
import { TimelinePanel } from '../shared/TimelinePanel';
import {
  PROBLEM_RESOLUTION_LABELS,
  PROBLEM_STATUS_LABELS,
} from '../shared/labels';
import { useRecordRevision } from '../shared/useLiveRevision';
import { usePagedList } from '../shared/usePagedList';
import { usePermissionOn } from '../shared/usePermissionOn';
import { EditProblemButton } from '../TriageEdit';
import { ProblemChangeList } from '../ChangeLists';
import { LinkedIncidents } from './LinkedIncidents';
import { ProblemActions } from './ProblemActions';
import { ProblemAnalysisForm } from './ProblemAnalysisForm';

/** One problem: analysis, linked incidents, known error, action items and timeline. */
export function ProblemView(props: { problemId: string }) {
  const itsmApi = useApi(itsmApiRef);
  // Bumped after every change made here: the problem, its linked incidents,
  // action items and timeline all reload, as any change may touch each.
  const [revision, refresh] = useReducer((n: number) => n + 1, 0);
  const problem = useAsync(
    () => itsmApi.getProblem(props.problemId),
    [itsmApi, props.problemId, revision],
  );
  const timeline = usePagedList({
    load: cursor => itsmApi.listProblemTimeline(props.problemId, { cursor }),
    key: props.problemId,
    revision,
  });
  const permission = usePermissionOn(
    itsmProblemUpdatePermission,
    problem.value?.id,
  );
  // Changes made elsewhere (another user, a linked incident) arrive as signals.
  const live = useRecordRevision('problem', problem.value?.id);
  useEffect(() => {
    if (live > 0) {
      refresh();
    }
  }, [live]);
  const after = useCallback(
    <T,>(action: () => Promise<T>) =>
      async () => {
        await action();
        refresh();
      },
    [],
  );

  if (problem.loading && !problem.value) {
    return <Progress />;
  }
  if (problem.error || !problem.value) {
    return (
      <ItsmErrorPanel
        error={problem.error ?? new Error('Not found')}
        action={`open problem ${props.problemId}`}
      />
    );
  }
  const value = problem.value;
  const canEdit = permission.allowed && value.status !== 'closed';
  const save = (changes: UpdateProblemRequest) =>
    after(() => itsmApi.updateProblem(value.id, changes))();
  const transition = (move: ProblemTransitionRequest) =>
    after(() => itsmApi.transitionProblem(value.id, move))();
  const publish = after(() =>
    itsmApi.publishKnownError(value.id, { version: value.version }),
  );
  const addNote = async (note: NoteRequest) => {
    await itsmApi.addProblemNote(value.id, note);
    refresh();
  };

  return (
    <>
      <RecordHeader
        number={value.number}
        title={value.title}
        priority={value.priority}
        status={PROBLEM_STATUS_LABELS[value.status]}
        onEditTitle={
          canEdit ? title => save({ version: value.version, title }) : undefined
        }
        badges={
          <>
            {value.knownError && (
              <Chip size="small" color="secondary" label="Known error" />
            )}
            {value.source === 'detected' && (
              <Chip size="small" variant="outlined" label="Detected" />
            )}
            <FollowButton
              target={{ kind: 'problem', id: value.id }}
              revision={revision}
            />
          </>
        }
        actions={
          canEdit && (
            <Box display="flex" gridGap={8} flexWrap="wrap">
              <EditProblemButton problem={value} onSaved={refresh} />
              <ProblemActions
                problem={value}
                onTransition={transition}
                onPublishKnownError={publish}
              />
            </Box>
          )
        }
      />
      {value.detectionReason && (
        <Box mb={2}>
          <Alert severity="info">
            Proposed automatically: {value.detectionReason}
          </Alert>
        </Box>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <Grid container spacing={3} direction="column">
            <Grid item>
              <ProblemAnalysisForm
                problem={value}
                canEdit={canEdit}
                onSave={save}
              />
            </Grid>
            <Grid item>
              <LinkedIncidents
                problem={value}
                canEdit={canEdit}
                revision={revision}
                onChanged={refresh}
              />
            </Grid>
            <Grid item>
              <ProblemChangeList problem={value} />
            </Grid>
            <Grid item>
              <ActionItemsPanel
                parent={{ parentType: 'problem', parentId: value.id }}
                canEdit={permission.allowed}
                revision={revision}
                onChanged={refresh}
              />
            </Grid>
          </Grid>
        </Grid>
        <Grid item xs={12} md={5}>
          <Grid container spacing={3} direction="column">
            <Grid item>
              <InfoCard title="Details">
                <Grid container spacing={2}>
                  <Field label="Affected services" xs={12}>
                    {value.affectedEntityRefs.length === 0
                      ? 'None yet'
                      : value.affectedEntityRefs.map(ref => (
                          <Box key={ref} component="span" mr={1}>
                            <EntityRefLink entityRef={ref} />
                          </Box>
                        ))}
                  </Field>
                  <Field label="Category">{value.category}</Field>
                  <Field label="Owner">
                    {value.ownerRef ? (
                      <EntityRefLink entityRef={value.ownerRef} />
                    ) : null}
                  </Field>
                  <Field label="Opened">{formatTime(value.createdAt)}</Field>
                  <Field label="Known error since">
                    {formatTime(value.knownErrorAt)}
                  </Field>
                  <Field label="Resolved">{formatTime(value.resolvedAt)}</Field>
                  <Field label="Closed">{formatTime(value.closedAt)}</Field>
                  {value.resolutionCode &&
                    PROBLEM_RESOLUTION_CODES.includes(value.resolutionCode) && (
                      <Field label="Resolution" xs={12}>
                        {PROBLEM_RESOLUTION_LABELS[value.resolutionCode]}
                        {value.resolutionNotes && (
                          <Typography variant="body2">
                            {localiseTimestamps(value.resolutionNotes)}
                          </Typography>
                        )}
                      </Field>
                    )}
                </Grid>
              </InfoCard>
            </Grid>
            <Grid item>
              <TimelinePanel
                timeline={timeline}
                onAddNote={permission.allowed ? addNote : undefined}
              />
            </Grid>
          </Grid>
        </Grid>
      </Grid>
    </>
  );
}
