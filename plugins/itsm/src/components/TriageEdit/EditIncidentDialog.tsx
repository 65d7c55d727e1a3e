import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Impact,
  Incident,
  derivePriority,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { EditIncidentRequest, itsmApiRef } from '../../api';
import { LevelSelect } from '../shared/LevelSelect';
import { PriorityChip } from '../shared/PriorityChip';
import { useConflictAwareSave } from '../shared/useConflictAwareSave';
import { useRecordDraft } from '../shared/useRecordDraft';
import { usePriorityMatrix } from '../shared/useItsmConfig';
import { EditBasicsFields } from './EditBasicsFields';
import { EditRecordDialog } from './EditRecordDialog';

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
  const { draft, set } = useRecordDraft(incident, draftOf);
  const [reason, setReason] = useState('');

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

  const { conflict, saving, save } = useConflictAwareSave(
    {
      save: () =>
        itsmApi.updateIncident(incident.id, {
          version: incident.version,
          ...changes,
          ...(priorityChanged ? { reason: reason.trim() } : {}),
        }),
      onSaved,
      onClose,
    },
    [itsmApi, incident, changes, priorityChanged, reason],
  );

  return (
    <EditRecordDialog
      number={incident.number}
      onClose={onClose}
      conflict={conflict}
      saving={saving}
      canSave={complete && Object.keys(changes).length > 0}
      onSave={save}
    >
      <EditBasicsFields
        draft={draft}
        set={set}
        textKey="description"
        textLabel="Description"
      />
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
    </EditRecordDialog>
  );
}
