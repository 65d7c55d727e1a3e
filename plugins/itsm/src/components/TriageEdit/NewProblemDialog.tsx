import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Impact,
  Problem,
  derivePriority,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';
import { LevelSelect } from '../shared/LevelSelect';
import { PriorityChip } from '../shared/PriorityChip';
import { useCategories, usePriorityMatrix } from '../shared/useItsmConfig';
import { AffectedEntitiesEditor } from './AffectedEntitiesEditor';
import { CategoryAssigneeFields } from './CategoryAssigneeFields';
import { RequiredTextField } from '../shared/RequiredTextField';
import { FormDialog } from '../shared/FormDialog';

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
    <FormDialog
      title="New problem"
      onClose={onClose}
      error={creating.error}
      busy={creating.loading}
      canConfirm={complete}
      confirmLabel="Open problem"
      onConfirm={create}
    >
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <RequiredTextField
            id="itsm-new-problem-title"
            label="Title"
            value={title}
            onChange={setTitle}
          />
        </Grid>
        <Grid item xs={12}>
          <RequiredTextField
            id="itsm-new-problem-statement"
            label="Problem statement"
            minRows={3}
            value={statement}
            onChange={setStatement}
            helperText="What goes wrong, where, and how often"
          />
        </Grid>
        <CategoryAssigneeFields
          category={category}
          onCategoryChange={setCategory}
          assigneeRef={assigneeRef}
          onAssigneeChange={setAssigneeRef}
        />
        <Grid item xs={12} sm={4}>
          <LevelSelect label="Impact" value={impact} onChange={setImpact} />
        </Grid>
        <Grid item xs={12} sm={4}>
          <LevelSelect label="Urgency" value={urgency} onChange={setUrgency} />
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
    </FormDialog>
  );
}
