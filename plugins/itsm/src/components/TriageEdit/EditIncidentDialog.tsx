import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Impact,
  Incident,
  derivePriority,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { EditIncidentRequest, itsmApiRef } from '../../api';
import { AssigneePicker } from '../shared/AssigneePicker';
import { LevelSelect } from '../shared/LevelSelect';
import { PriorityChip } from '../shared/PriorityChip';
import { errorMessage } from '../shared/errorMessage';
import { isConflict } from '../shared/isConflict';
import { usePriorityMatrix } from '../shared/useItsmConfig';
import { CategorySelect } from './CategorySelect';

interface Draft {
  title: string;
  description: string;
  category: string;
  impact: Impact;
  urgency: Impact;
  assigneeRef: string | null;
}

function draftOf(incident: Incident): Draft {
  return {
    title: incident.title,
    description: incident.description,
    category: incident.category,
    impact: incident.impact,
    urgency: incident.urgency,
    assigneeRef: incident.assigneeRef,
  };
}

/** Only the fields the user changed, so that a save touches nothing else. */
function changesOf(
  incident: Incident,
  draft: Draft,
): Omit<EditIncidentRequest, 'version'> {
  const before = draftOf(incident);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof Draft)[]) {
    const value =
      typeof draft[key] === 'string' && key !== 'assigneeRef'
        ? (draft[key] as string).trim()
        : draft[key];
    if (value !== before[key]) {
      changes[key] = value;
    }
  }
  return changes;
}

/**
 * Edits an incident's title, description, category, impact, urgency and
 * assignee. A change of priority asks for a reason, which the timeline keeps.
 * When someone else saved first, the view reloads their version.
 */
export function EditIncidentDialog(props: {
  incident: Incident;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { incident, onClose, onSaved } = props;
  const itsmApi = useApi(itsmApiRef);
  const matrix = usePriorityMatrix();
  const [draft, setDraft] = useState<Draft>(() => draftOf(incident));
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState(false);
  // A reload after a conflict brings the other person's values into the form.
  useEffect(() => setDraft(draftOf(incident)), [incident]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft(prev => ({ ...prev, [key]: value }));

  const priority = derivePriority({
    impact: draft.impact,
    urgency: draft.urgency,
    matrix,
  });
  const priorityChanged = priority !== incident.priority;
  const changes = changesOf(incident, draft);
  const complete =
    draft.title.trim() !== '' &&
    draft.description.trim() !== '' &&
    (!priorityChanged || reason.trim() !== '');

  const [saving, save] = useAsyncFn(async () => {
    setConflict(false);
    try {
      await itsmApi.updateIncident(incident.id, {
        version: incident.version,
        ...changes,
        ...(priorityChanged ? { reason: reason.trim() } : {}),
      });
    } catch (error) {
      if (isConflict(error)) {
        setConflict(true);
        onSaved();
        return;
      }
      throw error;
    }
    onSaved();
    onClose();
  }, [itsmApi, incident, changes, priorityChanged, reason, onSaved, onClose]);

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>Edit {incident.number}</DialogTitle>
      <DialogContent>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              id="itsm-edit-title"
              label="Title"
              required
              fullWidth
              variant="outlined"
              value={draft.title}
              onChange={event => set('title', event.target.value)}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="itsm-edit-description"
              label="Description"
              required
              fullWidth
              multiline
              minRows={3}
              variant="outlined"
              value={draft.description}
              onChange={event => set('description', event.target.value)}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <CategorySelect
              value={draft.category}
              onChange={value => set('category', value)}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <AssigneePicker
              value={draft.assigneeRef}
              onChange={value => set('assigneeRef', value)}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <LevelSelect
              label="Impact"
              value={draft.impact}
              onChange={value => set('impact', value)}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <LevelSelect
              label="Urgency"
              value={draft.urgency}
              onChange={value => set('urgency', value)}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <Typography variant="caption" color="textSecondary">
              Priority
            </Typography>
            <Box
              display="flex"
              gridGap={8}
              alignItems="center"
              aria-label="Derived priority"
            >
              {priorityChanged && (
                <>
                  <PriorityChip priority={incident.priority} />
                  <span aria-hidden>→</span>
                </>
              )}
              <PriorityChip priority={priority} />
            </Box>
          </Grid>
          {priorityChanged && (
            <Grid item xs={12}>
              <TextField
                id="itsm-edit-reason"
                label="Reason for the new priority"
                required
                fullWidth
                multiline
                minRows={2}
                variant="outlined"
                value={reason}
                inputProps={{ maxLength: 2000 }}
                onChange={event => setReason(event.target.value)}
                helperText="Kept on the timeline with the change"
              />
            </Grid>
          )}
        </Grid>
        {conflict && (
          <Box mt={2}>
            <Alert severity="warning">
              Someone else changed {incident.number} while you were editing.
              Their version is now shown; make your change again and save.
            </Alert>
          </Box>
        )}
        {saving.error && (
          <Box mt={2}>
            <Alert severity="error">{errorMessage(saving.error)}</Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={
            !complete || Object.keys(changes).length === 0 || saving.loading
          }
          onClick={() => save()}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
