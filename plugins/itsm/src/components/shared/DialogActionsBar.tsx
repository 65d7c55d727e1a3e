import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';

/** Cancel and the dialog's one primary action. */
export function DialogActionsBar(props: {
  onCancel: () => void;
  onConfirm: () => void;
  disabled: boolean;
  children: ReactNode;
}) {
  const { onCancel, onConfirm, disabled, children } = props;
  return (
    <DialogActions>
      <Button onClick={onCancel}>Cancel</Button>
      <Button
        color="primary"
        variant="contained"
        disabled={disabled}
        onClick={() => onConfirm()}
      >
        {children}
      </Button>
    </DialogActions>
  );
}
