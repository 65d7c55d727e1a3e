import { useEffect, useState } from 'react';
import { InfoCard, MarkdownContent } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Problem,
  RCA_METHODS,
  RcaMethod,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ProblemChanges } from '../../api';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';
import { Field } from '../shared/Field';
import { errorMessage } from '../shared/errorMessage';
import { RCA_METHOD_LABELS } from '../shared/labels';
import { fieldId } from '../shared/fieldId';

type Draft = Required<
  Pick<
    ProblemChanges,
    | 'statement'
    | 'entityRef'
    | 'rcaMethod'
    | 'rootCause'
    | 'workaround'
    | 'permanentFix'
    | 'symptoms'
  >
>;

function draftOf(problem: Problem): Draft {
  return {
    statement: problem.statement,
    entityRef: problem.entityRef,
    rcaMethod: problem.rcaMethod,
    rootCause: problem.rootCause,
    workaround: problem.workaround,
    permanentFix: problem.permanentFix,
    symptoms: problem.symptoms,
  };
}

const TEXTS: { key: keyof Draft; label: string; hint: string }[] = [
  {
    key: 'statement',
    label: 'Problem statement',
    hint: 'What keeps going wrong, and where',
  },
  {
    key: 'symptoms',
    label: 'Symptoms',
    hint: 'How the problem shows itself to users and alerts',
  },
  {
    key: 'rootCause',
    label: 'Root cause',
    hint: 'The underlying cause, once found',
  },
  {
    key: 'workaround',
    label: 'Workaround',
    hint: 'How to restore service until the fix lands',
  },
  {
    key: 'permanentFix',
    label: 'Permanent fix',
    hint: 'The change that removes the cause',
  },
];

/** The problem's analysis: statement, method, root cause and where it lies, workaround and fix. */
export function ProblemAnalysisForm(props: {
  problem: Problem;
  canEdit: boolean;
  onSave: (changes: ProblemChanges) => Promise<unknown>;
}) {
  const { problem, canEdit, onSave } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(draftOf(problem));
  useEffect(() => setDraft(draftOf(problem)), [problem]);
  const [saving, save] = useAsyncFn(async () => {
    const changes: ProblemChanges = { version: problem.version };
    for (const [key, value] of Object.entries(draft) as [keyof Draft, any][]) {
      const normalised =
        typeof value === 'string' && value.trim() === '' ? null : value;
      if (normalised !== (problem[key] ?? null)) {
        (changes as any)[key] = normalised;
      }
    }
    await onSave(changes);
    setEditing(false);
  }, [draft, problem, onSave]);

  if (!editing) {
    return (
      <InfoCard
        title="Analysis"
        action={
          canEdit ? (
            <Button size="small" onClick={() => setEditing(true)}>
              Edit analysis
            </Button>
          ) : undefined
        }
      >
        <Grid container spacing={2}>
          <Field label="Root-cause entity">
            {problem.entityRef ? (
              <EntityRefLink entityRef={problem.entityRef} />
            ) : (
              'Not identified yet'
            )}
          </Field>
          <Field label="RCA method">
            {problem.rcaMethod
              ? RCA_METHOD_LABELS[problem.rcaMethod]
              : 'Not chosen'}
          </Field>
          {TEXTS.map(text => (
            <Field key={text.key} label={text.label} xs={12}>
              {problem[text.key as keyof Problem] ? (
                <MarkdownContent
                  content={String(problem[text.key as keyof Problem])}
                />
              ) : (
                <span style={{ opacity: 0.7 }}>{text.hint}</span>
              )}
            </Field>
          ))}
        </Grid>
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Analysis">
      <Grid container spacing={2}>
        <Grid item xs={12} sm={6}>
          <CatalogEntityPicker
            label="Root-cause entity"
            kinds={['Component', 'Resource', 'System', 'API']}
            value={draft.entityRef}
            onChange={entityRef => setDraft(prev => ({ ...prev, entityRef }))}
            helperText="Where the cause lives; its owners are asked to fix it"
          />
        </Grid>
        <Grid item xs={12} sm={6}>
          <TextField
            id="itsm-rca-method"
            select
            fullWidth
            variant="outlined"
            label="RCA method"
            value={draft.rcaMethod ?? ''}
            onChange={event =>
              setDraft(prev => ({
                ...prev,
                rcaMethod: (event.target.value || null) as RcaMethod | null,
              }))
            }
          >
            <MenuItem value="">Not chosen</MenuItem>
            {RCA_METHODS.map(method => (
              <MenuItem key={method} value={method}>
                {RCA_METHOD_LABELS[method]}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        {TEXTS.map(text => (
          <Grid item xs={12} key={text.key}>
            <TextField
              id={fieldId(text.label)}
              label={text.label}
              helperText={text.hint}
              multiline
              minRows={2}
              fullWidth
              variant="outlined"
              value={draft[text.key] ?? ''}
              onChange={event =>
                setDraft(prev => ({ ...prev, [text.key]: event.target.value }))
              }
            />
          </Grid>
        ))}
      </Grid>
      <Box display="flex" gridGap={8} mt={2}>
        <Button
          color="primary"
          variant="contained"
          disabled={saving.loading || !draft.statement?.trim()}
          onClick={() => save()}
        >
          Save analysis
        </Button>
        <Button onClick={() => setEditing(false)}>Cancel</Button>
      </Box>
      {saving.error && (
        <Alert severity="error">{errorMessage(saving.error)}</Alert>
      )}
    </InfoCard>
  );
}
