import { ReactNode, useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { NoteRequest, TimelineEvent } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ItsmErrorPanel } from './ItsmErrorPanel';
import { LoadMoreButton } from './LoadMoreButton';
import { PrincipalRef } from './PrincipalRef';
import { errorMessage } from './errorMessage';
import { describeTimelineEvent } from './describeTimelineEvent';
import { formatTime } from './formatTime';
import { PagedList } from './usePagedList';

const useStyles = makeStyles(theme => ({
  // Inline, so that long notes wrap under the chip instead of being cut off.
  kindChip: { marginRight: theme.spacing(1) },
  // The Backstage theme keeps list text on one line; notes need all of theirs.
  text: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
}));

const KIND_CHIPS: Partial<Record<TimelineEvent['kind'], string>> = {
  note: 'Internal note',
  status_update: 'Status update',
};

/** A record's immutable history, newest first, with a form to add notes. */
export function TimelinePanel(props: {
  timeline: PagedList<TimelineEvent>;
  onAddNote?: (note: NoteRequest) => Promise<unknown>;
  title?: string;
  /** Who a public status update reaches, shown beside the choice. */
  publicAudience?: ReactNode;
}) {
  const { timeline, onAddNote } = props;
  const classes = useStyles();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] =
    useState<NonNullable<NoteRequest['visibility']>>('internal');
  const [saving, save] = useAsyncFn(async () => {
    await onAddNote?.({ body: body.trim(), visibility });
    setBody('');
    // A public update is the exception: the next note must not go out by accident.
    setVisibility('internal');
  }, [onAddNote, body, visibility]);

  let events;
  if (timeline.loading) {
    events = <Progress />;
  } else if (timeline.error) {
    events = (
      <ItsmErrorPanel error={timeline.error} action="load the timeline" />
    );
  } else {
    events = (
      <List dense disablePadding aria-label="Timeline">
        {timeline.items.map(event => (
          <ListItem key={event.id} divider alignItems="flex-start">
            <ListItemText
              className={classes.text}
              primary={
                <>
                  {KIND_CHIPS[event.kind] && (
                    <Chip
                      className={classes.kindChip}
                      size="small"
                      variant={event.kind === 'note' ? 'outlined' : 'default'}
                      color={
                        event.kind === 'status_update' ? 'primary' : 'default'
                      }
                      label={KIND_CHIPS[event.kind]}
                    />
                  )}
                  {describeTimelineEvent(event)}
                </>
              }
              secondary={
                <>
                  <PrincipalRef entityRef={event.actorRef} /> ·{' '}
                  {formatTime(event.createdAt)}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    );
  }

  return (
    <InfoCard title={props.title ?? 'Timeline'}>
      {onAddNote && (
        <Box mb={2}>
          <TextField
            id="itsm-add-to-the-timeline"
            label="Add to the timeline"
            multiline
            minRows={2}
            fullWidth
            variant="outlined"
            value={body}
            onChange={event => setBody(event.target.value)}
          />
          <Box
            display="flex"
            alignItems="center"
            justifyContent="space-between"
          >
            <RadioGroup
              row
              aria-label="Visibility"
              value={visibility}
              onChange={event =>
                setVisibility(
                  event.target.value as NonNullable<NoteRequest['visibility']>,
                )
              }
            >
              <FormControlLabel
                value="internal"
                control={<Radio size="small" />}
                label="Internal note (responders only)"
              />
              <FormControlLabel
                value="public"
                control={<Radio size="small" />}
                label="Public status update"
              />
            </RadioGroup>
            <Button
              variant="contained"
              color="primary"
              disabled={!body.trim() || saving.loading}
              onClick={() => save()}
            >
              {visibility === 'public' ? 'Post update' : 'Add note'}
            </Button>
          </Box>
          {props.publicAudience}
          {saving.error && (
            <Alert severity="error">{errorMessage(saving.error)}</Alert>
          )}
        </Box>
      )}
      {events}
      <LoadMoreButton list={timeline} what="timeline events" />
      {!timeline.loading && !timeline.error && timeline.items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Nothing has happened yet.
        </Typography>
      )}
    </InfoCard>
  );
}
