import { useState } from 'react';
import { LIMITS } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { errorMessage } from './errorMessage';

/** Edits a record's title in place; saving an unchanged title just closes it. */
export function TitleEditor(props: {
  title: string;
  onSave: (title: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { onSave, onClose } = props;
  const [draft, setDraft] = useState(props.title);
  const [saving, save] = useAsyncFn(async () => {
    const title = draft.trim();
    if (title !== props.title) {
      await onSave(title);
    }
    onClose();
  }, [draft, props.title, onSave, onClose]);

  return (
    <Box flexGrow={1}>
      <Box display="flex" gridGap={8} alignItems="center">
        <TextField
          id="itsm-record-title"
          label="Title"
          variant="outlined"
          size="small"
          fullWidth
          value={draft}
          inputProps={{ maxLength: LIMITS.title }}
          onChange={event => setDraft(event.target.value)}
          onKeyDown={event => {
            if (event.key === 'Enter' && draft.trim()) {
              save();
            } else if (event.key === 'Escape') {
              onClose();
            }
          }}
        />
        <Button
          color="primary"
          variant="contained"
          disabled={!draft.trim() || saving.loading}
          onClick={() => save()}
        >
          Save title
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </Box>
      {saving.error && (
        <Alert severity="error">{errorMessage(saving.error)}</Alert>
      )}
    </Box>
  );
}
