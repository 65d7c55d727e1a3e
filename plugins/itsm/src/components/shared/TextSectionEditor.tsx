import { useEffect, useState } from 'react';
import { InfoCard, MarkdownContent } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { errorMessage } from './errorMessage';
import { fieldId } from './fieldId';

/** A card showing one markdown text, editable in place by those allowed to. */
export function TextSectionEditor(props: {
  title: string;
  value: string | null;
  emptyText: string;
  canEdit: boolean;
  onSave: (value: string | null) => Promise<unknown>;
}) {
  const { title, value, emptyText, canEdit, onSave } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const [saving, save] = useAsyncFn(async () => {
    await onSave(draft.trim() ? draft.trim() : null);
    setEditing(false);
  }, [draft, onSave]);

  let content;
  if (editing) {
    content = (
      <>
        <TextField
          id={fieldId(title)}
          label={title}
          multiline
          minRows={3}
          fullWidth
          variant="outlined"
          value={draft}
          onChange={event => setDraft(event.target.value)}
        />
        <Box display="flex" gridGap={8} mt={1}>
          <Button
            color="primary"
            variant="contained"
            disabled={saving.loading}
            onClick={() => save()}
          >
            Save
          </Button>
          <Button onClick={() => setEditing(false)}>Cancel</Button>
        </Box>
        {saving.error && (
          <Alert severity="error">{errorMessage(saving.error)}</Alert>
        )}
      </>
    );
  } else if (value) {
    content = <MarkdownContent content={value} />;
  } else {
    content = (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }

  return (
    <InfoCard
      title={title}
      action={
        canEdit && !editing ? (
          <Button size="small" onClick={() => setEditing(true)}>
            Edit
          </Button>
        ) : undefined
      }
    >
      {content}
    </InfoCard>
  );
}
