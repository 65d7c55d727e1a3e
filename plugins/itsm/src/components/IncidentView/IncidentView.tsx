import { useCallback, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  IncidentTransitionRequest,
  NoteRequest,
  isTerminalIncidentStatus,
  itsmIncidentUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ActionItemsPanel } from '../shared/ActionItemsPanel';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { RecordHeader } from '../shared/RecordHeader';
import { TextSectionEditor } from '../shared/TextSectionEditor';
import { TimelinePanel } from '../shared/TimelinePanel';
import { INCIDENT_STATUS_LABELS } from '../shared/labels';
import { usePermissionOn } from '../shared/usePermissionOn';
import { IncidentActions } from './IncidentActions';
import { IncidentDetails } from './IncidentDetails';
import { PostmortemEditor } from './PostmortemEditor';
import { ProblemLinkCard } from './ProblemLinkCard';

/** One incident: its fields, lifecycle actions, timeline, problem and postmortem. */
export function IncidentView(props: { incidentId: string }) {
  const itsmApi = useApi(itsmApiRef);
  const [tab, setTab] = useState<'overview' | 'postmortem'>('overview');
  const incident = useAsyncRetry(
    () => itsmApi.getIncident(props.incidentId),
    [itsmApi, props.incidentId],
  );
  const timeline = useAsyncRetry(
    () => itsmApi.listIncidentTimeline(props.incidentId),
    [itsmApi, props.incidentId],
  );
  const permission = usePermissionOn(
    itsmIncidentUpdatePermission,
    incident.value?.id,
  );
  const reload = useCallback(() => {
    incident.retry();
    timeline.retry();
    // The retry functions change identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incident.retry, timeline.retry]);

  const transition = useCallback(
    async (move: IncidentTransitionRequest) => {
      await itsmApi.transitionIncident(props.incidentId, move);
      reload();
    },
    [itsmApi, props.incidentId, reload],
  );
  const addNote = useCallback(
    async (note: NoteRequest) => {
      await itsmApi.addIncidentNote(props.incidentId, note);
      timeline.retry();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [itsmApi, props.incidentId, timeline.retry],
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
    reload();
  };
  const timelinePanel = (
    <TimelinePanel
      timeline={timeline}
      onAddNote={permission.allowed ? addNote : undefined}
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
          value.major && <Chip size="small" color="secondary" label="Major" />
        }
        actions={
          canEdit && (
            <IncidentActions incident={value} onTransition={transition} />
          )
        }
      />
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
                  <Grid item>
                    <IncidentDetails incident={value} />
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
                    <ProblemLinkCard
                      incident={value}
                      canEdit={canEdit}
                      onChanged={reload}
                    />
                  </Grid>
                </>
              ) : (
                <>
                  <Grid item>
                    <PostmortemEditor
                      incidentId={value.id}
                      canEdit={permission.allowed}
                      onSaved={() => timeline.retry()}
                    />
                  </Grid>
                  <Grid item>
                    <ActionItemsPanel
                      parent={{ parentType: 'incident', parentId: value.id }}
                      canEdit={permission.allowed}
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
