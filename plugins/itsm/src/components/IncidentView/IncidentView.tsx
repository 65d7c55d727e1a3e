import { useCallback, useEffect, useReducer, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  IncidentTransitionRequest,
  NoteRequest,
  TimelineEvent,
  isTerminalIncidentStatus,
  itsmIncidentUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { FollowButton } from '../FollowButton';
import { ActionItemsPanel } from '../shared/ActionItemsPanel';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { RecordHeader } from '../shared/RecordHeader';
import { TextSectionEditor } from '../shared/TextSectionEditor';
import { TimelinePanel } from '../shared/TimelinePanel';
import { INCIDENT_STATUS_LABELS } from '../shared/labels';
import { useRecordRevision } from '../shared/useLiveRevision';
import { PagedList, usePagedList } from '../shared/usePagedList';
import { usePermissionOn } from '../shared/usePermissionOn';
import { DuplicateOfNotice, IncidentKnownErrors } from '../IncidentTriage';
import {
  AffectedEntitiesCard,
  MajorIncidentCard,
  PostmortemReview,
} from '../MajorIncident';
import { EditIncidentButton } from '../TriageEdit';
import { IncidentActions } from './IncidentActions';
import { IncidentDetails } from './IncidentDetails';
import { PostmortemEditor } from './PostmortemEditor';
import { IncidentChangeList } from '../ChangeLists';
import { ProblemLinkCard } from './ProblemLinkCard';
import { SlaClocks } from '../SlaClocks';
import { StatusUpdateAudience } from './StatusUpdateAudience';

/**
 * Whether the incident has a postmortem, as its timeline tells: each write
 * of one adds a `postmortem_updated` event. Undefined while pages of the
 * timeline that could hold it are not loaded.
 */
function postmortemWritten(
  timeline: PagedList<TimelineEvent>,
): boolean | undefined {
  if (timeline.items.some(event => event.kind === 'postmortem_updated')) {
    return true;
  }
  return timeline.hasMore || timeline.error ? undefined : false;
}

/** One incident: its fields, lifecycle actions, timeline, problem and postmortem. */
export function IncidentView(props: { incidentId: string }) {
  const itsmApi = useApi(itsmApiRef);
  const [tab, setTab] = useState<'overview' | 'postmortem'>('overview');
  // Bumped after every change made here: the incident, its timeline and
  // action items reload, as any change may touch each.
  const [revision, refresh] = useReducer((n: number) => n + 1, 0);
  const incident = useAsync(
    () => itsmApi.getIncident(props.incidentId),
    [itsmApi, props.incidentId, revision],
  );
  const timeline = usePagedList({
    load: cursor => itsmApi.listIncidentTimeline(props.incidentId, { cursor }),
    key: props.incidentId,
    revision,
  });
  const permission = usePermissionOn(
    itsmIncidentUpdatePermission,
    incident.value?.id,
  );
  // Changes made elsewhere (another user, an alert) arrive as signals.
  const live = useRecordRevision('incident', incident.value?.id);
  useEffect(() => {
    if (live > 0) {
      refresh();
    }
  }, [live]);
  const transition = useCallback(
    async (move: IncidentTransitionRequest) => {
      await itsmApi.transitionIncident(props.incidentId, move);
      refresh();
    },
    [itsmApi, props.incidentId],
  );
  const addNote = useCallback(
    async (note: NoteRequest) => {
      await itsmApi.addIncidentNote(props.incidentId, note);
      refresh();
    },
    [itsmApi, props.incidentId],
  );

  if (incident.loading && !incident.value) {
    return <Progress />;
  }
  if (incident.error || !incident.value) {
    return (
      <ItsmErrorPanel
        error={incident.error ?? new Error('Not found')}
        action={`open incident ${props.incidentId}`}
      />
    );
  }
  const value = incident.value;
  const canEdit = permission.allowed && !isTerminalIncidentStatus(value.status);
  const saveWorkaround = async (workaround: string | null) => {
    await itsmApi.updateIncident(value.id, {
      version: value.version,
      workaround,
    });
    refresh();
  };
  const timelinePanel = (
    <TimelinePanel
      timeline={timeline}
      onAddNote={permission.allowed ? addNote : undefined}
      publicAudience={
        <StatusUpdateAudience incidentId={value.id} revision={revision} />
      }
    />
  );

  return (
    <>
      <RecordHeader
        number={value.number}
        title={value.title}
        priority={value.priority}
        status={INCIDENT_STATUS_LABELS[value.status]}
        badges={
          <>
            {value.major && (
              <Chip
                size="small"
                color="secondary"
                label={value.declaredAt ? 'Major incident' : 'Major'}
              />
            )}
            <FollowButton
              target={{ kind: 'incident', id: value.id }}
              revision={revision}
            />
          </>
        }
        actions={
          canEdit && (
            <Box display="flex" gridGap={8} flexWrap="wrap">
              <EditIncidentButton incident={value} onSaved={refresh} />
              <IncidentActions incident={value} onTransition={transition} />
            </Box>
          )
        }
      />
      <DuplicateOfNotice incident={value} />
      <Tabs
        value={tab}
        onChange={(_event, next) => setTab(next)}
        indicatorColor="primary"
      >
        <Tab value="overview" label="Overview" />
        <Tab value="postmortem" label="Postmortem" />
      </Tabs>
      <Box mt={2}>
        <Grid container spacing={3}>
          <Grid item xs={12} md={7}>
            <Grid container spacing={3} direction="column">
              {tab === 'overview' ? (
                <>
                  {value.sla && (
                    <Grid item>
                      <SlaClocks incident={value} />
                    </Grid>
                  )}
                  <Grid item>
                    <IncidentDetails incident={value} />
                  </Grid>
                  <Grid item>
                    <MajorIncidentCard
                      incident={value}
                      canEdit={canEdit}
                      onChanged={refresh}
                    />
                  </Grid>
                  <Grid item>
                    <AffectedEntitiesCard
                      incident={value}
                      canEdit={canEdit}
                      revision={revision}
                      onChanged={refresh}
                    />
                  </Grid>
                  <Grid item>
                    <TextSectionEditor
                      title="Workaround"
                      value={value.workaround}
                      emptyText="No workaround recorded. Write down how to restore service while the cause is unknown."
                      canEdit={canEdit}
                      onSave={saveWorkaround}
                    />
                  </Grid>
                  <Grid item>
                    <IncidentChangeList incident={value} />
                  </Grid>
                  <Grid item>
                    <IncidentKnownErrors
                      incident={value}
                      canEdit={canEdit}
                      onChanged={refresh}
                    />
                  </Grid>
                  <Grid item>
                    <ProblemLinkCard
                      incident={value}
                      canEdit={canEdit}
                      onChanged={refresh}
                    />
                  </Grid>
                </>
              ) : (
                <>
                  <Grid item>
                    {timeline.loading ? (
                      <Progress />
                    ) : (
                      <PostmortemEditor
                        incidentId={value.id}
                        written={postmortemWritten(timeline)}
                        canEdit={permission.allowed}
                        onSaved={refresh}
                        review={(postmortem, reload) => (
                          <PostmortemReview
                            postmortem={postmortem}
                            canEdit={permission.allowed}
                            onMoved={() => {
                              reload();
                              refresh();
                            }}
                          />
                        )}
                      />
                    )}
                  </Grid>
                  <Grid item>
                    <ActionItemsPanel
                      parent={{ parentType: 'incident', parentId: value.id }}
                      canEdit={permission.allowed}
                      revision={revision}
                      onChanged={refresh}
                    />
                  </Grid>
                </>
              )}
            </Grid>
          </Grid>
          <Grid item xs={12} md={5}>
            {timelinePanel}
          </Grid>
        </Grid>
      </Box>
    </>
  );
}
