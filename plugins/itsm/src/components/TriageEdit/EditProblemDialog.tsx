import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Problem,
  UpdateProblemRequest,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { AssigneePicker } from '../shared/AssigneePicker';
import { errorMessage } from '../shared/errorMessage';
import { isConflict } from '../shared/isConflict';
import { AffectedEntitiesEditor } from './AffectedEntitiesEditor';
import { CategorySelect } from './CategorySelect';

interface Draft {
  title: string;
  statement: string;
  category: string;
  assigneeRef: string | null;
  affectedEntityRefs: string[];
}

function draftOf(problem: Problem): Draft {
  return {
    title: problem.title,
    statement: problem.statement,
    category: problem.category,
    assigneeRef: problem.assigneeRef,
    affectedEntityRefs: problem.affectedEntityRefs,
  };
}

function sameRefs(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every(ref => b.includes(ref));
}

/** Only the fields the user changed; affected services go as the whole new list. */
function changesOf(
  problem: Problem,
  draft: Draft,
): Omit<UpdateProblemRequest, 'version'> {
  const changes: Omit<UpdateProblemRequest, 'version'> = {};
  if (draft.title.trim() !== problem.title) changes.title = draft.title.trim();
  if (draft.statement.trim() !== problem.statement) {
    changes.statement = draft.statement.trim();
  }
  if (draft.category !== problem.category) changes.category = draft.category;
  if (draft.assigneeRef !== problem.assigneeRef) {
    changes.assigneeRef = draft.assigneeRef;
  }
  if (!sameRefs(draft.affectedEntityRefs, problem.affectedEntityRefs)) {
    changes.affectedEntityRefs = draft.affectedEntityRefs;
  }
  return changes;
}

/**
 * Edits a problem's title, statement, category, assignee and affected
 * services. When someone else saved first, the view reloads their version.
 */
export function EditProblemDialog(props: {
  problem: Problem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { problem, onClose, onSaved } = props;
  const itsmApi = useApi(itsmApiRef);
  const [draft, setDraft] = useState<Draft>(() => draftOf(problem));
  const [conflict, setConflict] = useState(false);
  useEffect(() => setDraft(draftOf(problem)), [problem]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft(prev => ({ ...prev, [key]: value }));
  const changes = changesOf(problem, draft);
  const complete = draft.title.trim() !== '' && draft.statement.trim() !== '';

  const [saving, save] = useAsyncFn(async () => {
    setConflict(false);
    try {
      await itsmApi.updateProblem(problem.id, {
        version: problem.version,
        ...changes,
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
  }, [itsmApi, problem, changes, onSaved, onClose]);

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>Edit {problem.number}</DialogTitle>
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
              id="itsm-edit-statement"
              label="Problem statement"
              required
              fullWidth
              multiline
              minRows={3}
              variant="outlined"
              value={draft.statement}
              onChange={event => set('statement', event.target.value)}
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
          <Grid item xs={12}>
            <AffectedEntitiesEditor
              value={draft.affectedEntityRefs}
              onChange={value => set('affectedEntityRefs', value)}
            />
          </Grid>
        </Grid>
        {conflict && (
          <Box mt={2}>
            <Alert severity="warning">
              Someone else changed {problem.number} while you were editing.
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
