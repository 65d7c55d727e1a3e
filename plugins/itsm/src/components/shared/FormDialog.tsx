import { ReactNode } from 'react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { DialogActionsBar } from './DialogActionsBar';
import { DialogErrorAlert } from './DialogErrorAlert';

/**
 * A dialog holding a form: its fields (`children`), a `notice` under them,
 * the error of the last attempt, and Cancel and the confirm action, which
 * waits while `busy`.
 */
export function FormDialog(props: {
  open?: boolean;
  title: ReactNode;
  maxWidth?: 'md' | 'lg';
  onClose: () => void;
  children: ReactNode;
  notice?: ReactNode;
  error: Error | undefined;
  busy: boolean;
  canConfirm: boolean;
  confirmLabel: ReactNode;
  onConfirm: () => void;
}) {
  const { onClose, busy, canConfirm, onConfirm } = props;
  return (
    <Dialog
      open={props.open ?? true}
      onClose={onClose}
      maxWidth={props.maxWidth ?? 'md'}
      fullWidth
    >
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        {props.children}
        {props.notice}
        <DialogErrorAlert error={props.error} spaced />
      </DialogContent>
      <DialogActionsBar
        onCancel={onClose}
        onConfirm={onConfirm}
        disabled={!canConfirm || busy}
      >
        {props.confirmLabel}
      </DialogActionsBar>
    </Dialog>
  );
}
