import { useCallback, useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  DEFAULT_PAGE_LIMIT,
  Incident,
  Problem,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { LoadMoreButton } from '../shared/LoadMoreButton';
import { PriorityChip } from '../shared/PriorityChip';
import { IncidentPicker } from '../shared/RecordPicker';
import { errorMessage } from '../shared/errorMessage';
import { INCIDENT_STATUS_LABELS } from '../shared/labels';
import { usePagedList } from '../shared/usePagedList';
import { useRecordLinks } from '../shared/useRecordLinks';
import { useLinkIncident } from './useLinkIncident';

/**
 * The incidents a problem explains, with linking by number or words and unlinking.
 * Reloads when the problem view bumps `revision` after any change.
 */
export function LinkedIncidents(props: {
  problem: Problem;
  canEdit: boolean;
  revision: number;
  onChanged: () => void;
}) {
  const { problem, canEdit, revision, onChanged } = props;
  const itsmApi = useApi(itsmApiRef);
  const links = useRecordLinks();
  const [chosen, setChosen] = useState<Incident | null>(null);
  const incidents = usePagedList({
    load: cursor =>
      itsmApi.listIncidents({
        problemId: problem.id,
        cursor,
        limit: DEFAULT_PAGE_LIMIT,
      }),
    key: problem.id,
    revision,
  });
  const linked = useCallback(() => {
    setChosen(null);
    onChanged();
  }, [onChanged]);
  const {
    state: linking,
    link,
    heldElsewhere,
  } = useLinkIncident({ problem, onLinked: linked });
  const [unlinking, unlink] = useAsyncFn(
    async (incidentId: string) => {
      await itsmApi.unlinkIncident(problem.id, incidentId);
      onChanged();
    },
    [itsmApi, problem.id, onChanged],
  );
  const failure = linking.error ?? unlinking.error;

  let list;
  if (incidents.loading) {
    list = <Progress />;
  } else if (incidents.error) {
    list = (
      <ItsmErrorPanel error={incidents.error} action="load linked incidents" />
    );
  } else if (incidents.items.length === 0) {
    list = (
      <Typography variant="body2" color="textSecondary">
        No incidents are linked. Link the incidents this problem causes, so
        their services show up as affected.
      </Typography>
    );
  } else {
    list = (
      <List dense aria-label="Linked incidents">
        {incidents.items.map(incident => (
          <ListItem key={incident.id} divider>
            <ListItemText
              style={{ whiteSpace: 'normal' }}
              primary={
                <Box display="flex" gridGap={8} alignItems="center">
                  <Link to={links.incident(incident.number)}>
                    {incident.number}
                  </Link>
                  <span>{incident.title}</span>
                  <PriorityChip priority={incident.priority} />
                </Box>
              }
              secondary={
                <>
                  <EntityRefLink entityRef={incident.entityRef} /> ·{' '}
                  {INCIDENT_STATUS_LABELS[incident.status]}
                </>
              }
            />
            {canEdit && (
              <ListItemSecondaryAction>
                <IconButton
                  edge="end"
                  aria-label={`Unlink ${incident.number}`}
                  disabled={unlinking.loading}
                  onClick={() => unlink(incident.id)}
                >
                  <LinkOffIcon />
                </IconButton>
              </ListItemSecondaryAction>
            )}
          </ListItem>
        ))}
      </List>
    );
  }

  return (
    <InfoCard title={`Linked incidents (${problem.incidentCount})`}>
      {list}
      <LoadMoreButton list={incidents} what="linked incidents" />
      {canEdit && (
        <Box display="flex" gridGap={8} mt={2} alignItems="center">
          <Box flex={1}>
            <IncidentPicker
              label="Incident to link"
              size="small"
              value={chosen}
              onChange={setChosen}
              exclude={incidents.items.map(incident => incident.id)}
            />
          </Box>
          <Button
            variant="outlined"
            disabled={!chosen || linking.loading}
            onClick={() => chosen && link(chosen.id)}
          >
            Link incident
          </Button>
        </Box>
      )}
      {failure && <Alert severity="error">{errorMessage(failure)}</Alert>}
      {heldElsewhere && (
        <Alert
          severity="warning"
          action={
            <Button
              color="inherit"
              size="small"
              disabled={linking.loading}
              onClick={() => link(heldElsewhere.incident, true)}
            >
              Move it here
            </Button>
          }
        >
          {heldElsewhere.message}
        </Alert>
      )}
    </InfoCard>
  );
}
