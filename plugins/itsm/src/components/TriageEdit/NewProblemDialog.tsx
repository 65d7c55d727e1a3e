import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Impact,
  Problem,
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
import { itsmApiRef } from '../../api';
import { AssigneePicker } from '../shared/AssigneePicker';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';
import { LevelSelect } from '../shared/LevelSelect';
import { PriorityChip } from '../shared/PriorityChip';
import { errorMessage } from '../shared/errorMessage';
import { useCategories, usePriorityMatrix } from '../shared/useItsmConfig';
import { AffectedEntitiesEditor } from './AffectedEntitiesEditor';
import { CategorySelect } from './CategorySelect';

/**
 * Opens a problem by hand, for a cause suspected before any incident names
 * it; the entity page opens it with its entity as affected.
 */
export function NewProblemDialog(props: {
  affectedEntityRefs?: string[];
  onClose: () => void;
  onCreated: (problem: Problem) => void;
}) {
  const { onClose, onCreated } = props;
  const itsmApi = useApi(itsmApiRef);
  const categories = useCategories();
  const matrix = usePriorityMatrix();
  const [title, setTitle] = useState('');
  const [statement, setStatement] = useState('');
  const [category, setCategory] = useState(categories[0] ?? '');
  const [impact, setImpact] = useState<Impact>(2);
  const [urgency, setUrgency] = useState<Impact>(2);
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [assigneeRef, setAssigneeRef] = useState<string | null>(null);
  const [affected, setAffected] = useState(props.affectedEntityRefs ?? []);
  const complete =
    title.trim() !== '' && statement.trim() !== '' && category !== '';

  const [creating, create] = useAsyncFn(async () => {
    const problem = await itsmApi.createProblem({
      title: title.trim(),
      statement: statement.trim(),
      category,
      impact,
      urgency,
      entityRef: entityRef ?? undefined,
      assigneeRef: assigneeRef ?? undefined,
      affectedEntityRefs: affected,
    });
    onCreated(problem);
  }, [
    itsmApi,
    title,
    statement,
    category,
    impact,
    urgency,
    entityRef,
    assigneeRef,
    affected,
    onCreated,
  ]);

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>New problem</DialogTitle>
      <DialogContent>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              id="itsm-new-problem-title"
              label="Title"
              required
              fullWidth
              variant="outlined"
              value={title}
              onChange={event => setTitle(event.target.value)}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="itsm-new-problem-statement"
              label="Problem statement"
              required
              fullWidth
              multiline
              minRows={3}
              variant="outlined"
              value={statement}
              onChange={event => setStatement(event.target.value)}
              helperText="What goes wrong, where, and how often"
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <CategorySelect value={category} onChange={setCategory} />
          </Grid>
          <Grid item xs={12} sm={6}>
            <AssigneePicker value={assigneeRef} onChange={setAssigneeRef} />
          </Grid>
          <Grid item xs={12} sm={4}>
            <LevelSelect label="Impact" value={impact} onChange={setImpact} />
          </Grid>
          <Grid item xs={12} sm={4}>
            <LevelSelect
              label="Urgency"
              value={urgency}
              onChange={setUrgency}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <Typography variant="caption" color="textSecondary">
              Priority
            </Typography>
            <Box aria-label="Derived priority">
              <PriorityChip
                priority={derivePriority({ impact, urgency, matrix })}
              />
            </Box>
          </Grid>
          <Grid item xs={12}>
            <CatalogEntityPicker
              label="Root-cause entity, if known"
              kinds={['Component', 'Resource', 'System', 'API']}
              value={entityRef}
              onChange={setEntityRef}
            />
          </Grid>
          <Grid item xs={12}>
            <AffectedEntitiesEditor value={affected} onChange={setAffected} />
          </Grid>
        </Grid>
        {creating.error && (
          <Box mt={2}>
            <Alert severity="error">{errorMessage(creating.error)}</Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!complete || creating.loading}
          onClick={() => create()}
        >
          Open problem
        </Button>
      </DialogActions>
    </Dialog>
  );
}
