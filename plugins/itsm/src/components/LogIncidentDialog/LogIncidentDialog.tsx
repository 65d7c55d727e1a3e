import { useState } from 'react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { defaultEntityPresentation } from '@backstage/plugin-catalog-react';
import {
  Impact,
  Incident,
  derivePriority,
  isOpenProblemStatus,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useDebounce from 'react-use/esm/useDebounce';
import { itsmApiRef } from '../../api';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';
import { LevelSelect } from '../shared/LevelSelect';
import { PriorityChip } from '../shared/PriorityChip';
import { errorMessage } from '../shared/errorMessage';
import { useCategories, usePriorityMatrix } from '../shared/useItsmConfig';
import { KnownErrorSuggestions } from './KnownErrorSuggestions';
import { PossibleDuplicates } from './PossibleDuplicates';
import { entityAndDependencyRefs } from './entityAndDependencyRefs';
import { RequiredTextField } from '../shared/RequiredTextField';
import { FormDialog } from '../shared/FormDialog';

/**
 * Logs an incident on an entity. While the user describes the symptoms, the
 * incidents already open there and the known errors of the entity and its
 * dependencies are shown beside the form; `onLogged` also receives the open
 * incident the user chose as the same one.
 */
export function LogIncidentDialog(props: {
  entity: Entity;
  open: boolean;
  onClose: () => void;
  onLogged: (incident: Incident) => void;
}) {
  const { entity, open, onClose, onLogged } = props;
  const itsmApi = useApi(itsmApiRef);
  const categories = useCategories();
  const matrix = usePriorityMatrix();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState(categories[0] ?? '');
  const [impact, setImpact] = useState<Impact>(2);
  const [urgency, setUrgency] = useState<Impact>(2);
  const [assigneeRef, setAssigneeRef] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [typedTitle, setTypedTitle] = useState('');
  useDebounce(() => setTypedTitle(title), 400, [title]);
  useDebounce(() => setTyped(`${title} ${description}`), 250, [
    title,
    description,
  ]);

  const knownErrors = useAsync(async () => {
    if (!open) {
      return [];
    }
    const page = await itsmApi.listKnownErrors({
      entityRef: entityAndDependencyRefs(entity),
      limit: 50,
    });
    return page.items.filter(problem => isOpenProblemStatus(problem.status));
  }, [itsmApi, entity, open]);

  const [submission, submit] = useAsyncFn(async () => {
    const incident = await itsmApi.createIncident({
      title: title.trim(),
      description: description.trim(),
      entityRef: stringifyEntityRef(entity),
      category,
      impact,
      urgency,
      assigneeRef: assigneeRef ?? undefined,
    });
    onLogged(incident);
    return incident;
  }, [
    itsmApi,
    entity,
    title,
    description,
    category,
    impact,
    urgency,
    assigneeRef,
  ]);

  const priority = derivePriority({ impact, urgency, matrix });
  const complete = title.trim() !== '' && description.trim() !== '' && category;

  return (
    <FormDialog
      open={open}
      title={
        <>Log incident on {defaultEntityPresentation(entity).primaryTitle}</>
      }
      maxWidth="lg"
      onClose={onClose}
      error={submission.error}
      busy={submission.loading}
      canConfirm={Boolean(complete)}
      confirmLabel="Log incident"
      onConfirm={submit}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <Grid container spacing={2}>
            <Grid item xs={12}>
              <RequiredTextField
                id="itsm-title"
                label="Title"
                value={title}
                onChange={setTitle}
                helperText="What is broken, as users see it"
              />
            </Grid>
            <Grid item xs={12}>
              <RequiredTextField
                id="itsm-description"
                label="Description"
                minRows={4}
                value={description}
                onChange={setDescription}
                helperText="Symptoms, error messages, since when, who is affected"
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <TextField
                id="itsm-category"
                select
                label="Category"
                fullWidth
                variant="outlined"
                value={category}
                onChange={event => setCategory(event.target.value)}
              >
                {categories.map(c => (
                  <MenuItem key={c} value={c}>
                    {c}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid item xs={12} sm={6}>
              <CatalogEntityPicker
                label="Assignee"
                kinds={['User']}
                value={assigneeRef}
                onChange={setAssigneeRef}
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <LevelSelect
                label="Impact"
                value={impact}
                onChange={setImpact}
                helperText="How widely it hurts the business"
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <LevelSelect
                label="Urgency"
                value={urgency}
                onChange={setUrgency}
                helperText="How soon it must be fixed"
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <Box display="flex" flexDirection="column" gridGap={4} pt={1}>
                <Typography variant="caption" color="textSecondary">
                  Priority
                </Typography>
                <Box aria-label="Derived priority">
                  <PriorityChip priority={priority} />
                </Box>
              </Box>
            </Grid>
          </Grid>
        </Grid>
        <Grid item xs={12} md={5}>
          {open && (
            <PossibleDuplicates
              entityRef={stringifyEntityRef(entity)}
              words={typedTitle}
              note={[title.trim(), description.trim()]
                .filter(Boolean)
                .join('\n\n')}
              onSameIncident={onLogged}
            />
          )}
          {knownErrors.error ? (
            <Alert severity="warning">
              Could not load known errors: {errorMessage(knownErrors.error)}
            </Alert>
          ) : (
            <KnownErrorSuggestions
              knownErrors={knownErrors.value ?? []}
              typed={typed}
            />
          )}
        </Grid>
      </Grid>
    </FormDialog>
  );
}
