import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import { ConflictAlert } from '../shared/ConflictAlert';
import { FormDialog } from '../shared/FormDialog';

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
  const { number, conflict, saving } = props;
  return (
    <FormDialog
      title={<>Edit {number}</>}
      onClose={props.onClose}
      notice={conflict && <ConflictAlert number={number} />}
      error={saving.error}
      busy={saving.loading}
      canConfirm={props.canSave}
      confirmLabel="Save"
      onConfirm={props.onSave}
    >
      <Grid container spacing={2}>
        {props.children}
      </Grid>
    </FormDialog>
  );
}
