import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  STATUS_RESOLVED_WINDOW_DAYS,
  StatusSystem,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { PriorityChip } from '../shared/PriorityChip';
import { formatTime } from '../shared/formatTime';
import { useRecordsRevision } from '../shared/useLiveRevision';
import { useRecordLinks } from '../shared/useRecordLinks';
import { StateChip } from './StateChip';

const useStyles = makeStyles(theme => ({
  // The Backstage theme keeps list text on one line; updates need all of theirs.
  text: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  state: { marginLeft: theme.spacing(2), flexShrink: 0 },
}));

function SystemCard(props: { system: StatusSystem }) {
  const { system } = props;
  const classes = useStyles();
  const links = useRecordLinks();
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" gridGap={12}>
          <span>{system.title}</span>
          <StateChip state={system.state} />
        </Box>
      }
    >
      {system.components.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No components in the catalog belong to this system.
        </Typography>
      ) : (
        <List dense disablePadding aria-label={`Components of ${system.title}`}>
          {system.components.map(component => (
            <ListItem key={component.entityRef} divider>
              <ListItemText
                className={classes.text}
                primary={
                  <EntityRefLink entityRef={component.entityRef} hideIcon>
                    {component.title}
                  </EntityRefLink>
                }
                secondaryTypographyProps={{ component: 'div' }}
                secondary={component.openIncidents.map(incident => (
                  <div key={incident.number}>
                    <Link to={links.incident(incident.number)}>
                      {incident.number}
                    </Link>{' '}
                    {incident.title}
                  </div>
                ))}
              />
              <span className={classes.state}>
                <StateChip state={component.state} />
              </span>
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}

/** The status page: every system's state, public updates of open incidents, and the week's resolutions. */
export function StatusPage() {
  const classes = useStyles();
  const itsmApi = useApi(itsmApiRef);
  const links = useRecordLinks();
  const live = useRecordsRevision();
  const status = useAsync(() => itsmApi.getStatus(), [itsmApi, live]);

  if (status.loading && !status.value) {
    return <Progress />;
  }
  if (!status.value) {
    return (
      <ItsmErrorPanel
        error={status.error ?? new Error('No status')}
        action="load the status page"
      />
    );
  }
  const { systems, updates, resolved, generatedAt } = status.value;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body2" color="textSecondary">
          As of {formatTime(generatedAt)}; updates itself as incidents change.
        </Typography>
      </Grid>
      <Grid item xs={12} md={7}>
        <Grid container spacing={3} direction="column">
          {systems.length === 0 && (
            <Grid item>
              <Typography>The catalog has no systems.</Typography>
            </Grid>
          )}
          {systems.map(system => (
            <Grid item key={system.entityRef}>
              <SystemCard system={system} />
            </Grid>
          ))}
        </Grid>
      </Grid>
      <Grid item xs={12} md={5}>
        <Grid container spacing={3} direction="column">
          <Grid item>
            <InfoCard title="Status updates">
              {updates.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  No open incident has a public status update.
                </Typography>
              ) : (
                <List dense disablePadding aria-label="Status updates">
                  {updates.map(update => (
                    <ListItem
                      key={`${update.incidentNumber}-${update.createdAt}`}
                      divider
                    >
                      <ListItemText
                        className={classes.text}
                        primary={update.body}
                        secondary={
                          <>
                            <Link to={links.incident(update.incidentNumber)}>
                              {update.incidentNumber}
                            </Link>{' '}
                            on{' '}
                            <EntityRefLink
                              entityRef={update.entityRef}
                              hideIcon
                            />{' '}
                            · {formatTime(update.createdAt)}
                          </>
                        }
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </InfoCard>
          </Grid>
          <Grid item>
            <InfoCard
              title={`Resolved in the last ${STATUS_RESOLVED_WINDOW_DAYS} days`}
            >
              {resolved.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  Nothing was resolved in the last {STATUS_RESOLVED_WINDOW_DAYS}{' '}
                  days.
                </Typography>
              ) : (
                <List dense disablePadding aria-label="Resolved incidents">
                  {resolved.map(incident => (
                    <ListItem key={incident.number} divider>
                      <ListItemText
                        className={classes.text}
                        primary={
                          <>
                            <Link to={links.incident(incident.number)}>
                              {incident.number}
                            </Link>{' '}
                            {incident.title}
                          </>
                        }
                        secondary={
                          <>
                            <EntityRefLink
                              entityRef={incident.entityRef}
                              hideIcon
                            />{' '}
                            · resolved {formatTime(incident.resolvedAt)}
                          </>
                        }
                      />
                      <span className={classes.state}>
                        <PriorityChip priority={incident.priority} />
                      </span>
                    </ListItem>
                  ))}
                </List>
              )}
            </InfoCard>
          </Grid>
        </Grid>
      </Grid>
    </Grid>
  );
}
