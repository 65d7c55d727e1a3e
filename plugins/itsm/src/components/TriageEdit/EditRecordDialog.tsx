import { ReactNode } from 'react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import { ConflictAlert } from '../shared/ConflictAlert';
import { DialogActionsBar } from '../shared/DialogActionsBar';
import { DialogErrorAlert } from '../shared/DialogErrorAlert';

/**
 * The frame of a record's edit form: its fields (`children`, grid items),
 * the conflict notice when someone else saved first, the save error, and
 * Cancel and Save.
 */
export function EditRecordDialog(props: {
  number: string;
  onClose: () => void;
  conflict: boolean;
  saving: { loading: boolean; error?: Error };
  canSave: boolean;
  onSave: () => void;
  children: ReactNode;
}) {
  const { number, onClose, conflict, saving, canSave, onSave } = props;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>Edit {number}</DialogTitle>
      <DialogContent>
        <Grid container spacing={2}>
          {props.children}
        </Grid>
        {conflict && <ConflictAlert number={number} />}
        <DialogErrorAlert error={saving.error} spaced />
      </DialogContent>
      <DialogActionsBar
        onCancel={onClose}
        onConfirm={onSave}
        disabled={!canSave || saving.loading}
      >
        Save
      </DialogActionsBar>
    </Dialog>
  );
}
