import { ReactNode, useEffect, useState } from 'react';
import {
  InfoCard,
  MarkdownContent,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Postmortem,
  PostmortemRequest,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { errorMessage } from '../shared/errorMessage';
import { fieldId } from '../shared/fieldId';
import { formatTime } from '../shared/formatTime';

/** The postmortem request with every section filled in, as the editor holds it. */
type PostmortemDraft = PostmortemRequest &
  Required<Omit<PostmortemRequest, 'version'>>;

const SECTIONS: {
  key: keyof Omit<PostmortemDraft, 'version'>;
  label: string;
  hint: string;
}[] = [
  {
    key: 'summary',
    label: 'Summary',
    hint: 'What happened, in two or three sentences.',
  },
  {
    key: 'impact',
    label: 'Impact',
    hint: 'Who was affected, how badly, for how long.',
  },
  {
    key: 'rootCause',
    label: 'Root cause',
    hint: 'Why it happened; the five whys help.',
  },
  {
    key: 'lessonsLearned',
    label: 'Lessons learned',
    hint: 'What went well, what did not, where we were lucky.',
  },
];

function draftOf(postmortem?: Postmortem): PostmortemDraft {
  return {
    version: postmortem?.version,
    summary: postmortem?.summary ?? '',
    impact: postmortem?.impact ?? '',
    rootCause: postmortem?.rootCause ?? '',
    lessonsLearned: postmortem?.lessonsLearned ?? '',
  };
}

/**
 * The incident's blameless postmortem, written in markdown with a preview.
 * `written` says whether one exists, as the timeline tells (undefined when it
 * cannot tell): one never written is not asked for, as the backend answers
 * that with a 404 the browser logs as an error.
 */
export function PostmortemEditor(props: {
  incidentId: string;
  written: boolean | undefined;
  canEdit: boolean;
  onSaved: () => void;
  /** Shown above the sections once a postmortem exists, with a way to reload it. */
  review?: (postmortem: Postmortem, reload: () => void) => ReactNode;
}) {
  const { incidentId, canEdit, onSaved } = props;
  const itsmApi = useApi(itsmApiRef);
  const [savedHere, setSavedHere] = useState(false);
  const exists = savedHere || props.written !== false;
  const postmortem = useAsyncRetry(
    async () => (exists ? itsmApi.getPostmortem(incidentId) : undefined),
    [itsmApi, incidentId, exists],
  );
  const [draft, setDraft] = useState<PostmortemDraft>(draftOf());
  const [mode, setMode] = useState<'write' | 'preview'>('preview');
  useEffect(() => {
    setDraft(draftOf(postmortem.value));
    setMode(postmortem.value || !canEdit ? 'preview' : 'write');
  }, [postmortem.value, canEdit]);

  const [saving, save] = useAsyncFn(async () => {
    const saved = await itsmApi.savePostmortem(incidentId, draft);
    setDraft(draftOf(saved));
    if (savedHere) {
      postmortem.retry();
    } else {
      setSavedHere(true);
    }
    onSaved();
    setMode('preview');
  }, [itsmApi, incidentId, draft, onSaved]);

  // After a save the saved draft shows while the postmortem reloads.
  if (postmortem.loading && !postmortem.value && !savedHere) {
    return <Progress />;
  }
  if (postmortem.error) {
    return (
      <ItsmErrorPanel error={postmortem.error} action="load the postmortem" />
    );
  }

  return (
    <InfoCard
      title="Postmortem"
      subheader={
        postmortem.value
          ? `Last saved ${formatTime(postmortem.value.updatedAt)}`
          : 'Not written yet'
      }
    >
      {postmortem.value && props.review?.(postmortem.value, postmortem.retry)}
      {canEdit && (
        <Tabs
          value={mode}
          onChange={(_event, value) => setMode(value)}
          indicatorColor="primary"
        >
          <Tab value="write" label="Write" />
          <Tab value="preview" label="Preview" />
        </Tabs>
      )}
      {SECTIONS.map(section => (
        <Box key={section.key} mt={2}>
          {mode === 'write' && canEdit ? (
            <TextField
              id={fieldId(section.label)}
              label={section.label}
              helperText={`${section.hint} Markdown.`}
              multiline
              minRows={3}
              fullWidth
              variant="outlined"
              value={draft[section.key]}
              onChange={event =>
                setDraft(prev => ({
                  ...prev,
                  [section.key]: event.target.value,
                }))
              }
            />
          ) : (
            <>
              <Typography variant="h6">{section.label}</Typography>
              {draft[section.key] ? (
                <MarkdownContent content={draft[section.key]} />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  {section.hint}
                </Typography>
              )}
            </>
          )}
        </Box>
      ))}
      {canEdit && (
        <Box mt={2}>
          <Button
            color="primary"
            variant="contained"
            disabled={saving.loading}
            onClick={() => save()}
          >
            Save postmortem
          </Button>
        </Box>
      )}
      {saving.error && (
        <Alert severity="error">{errorMessage(saving.error)}</Alert>
      )}
    </InfoCard>
  );
}
