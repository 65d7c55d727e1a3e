import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { LIMITS, UnroutedAlert } from '@backstage-itsm/plugin-itsm-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import { fieldId } from '../shared/fieldId';

/** Asks why an unrouted alert needs no incident, then dismisses it. */
export function DismissAlertDialog(props: {
  alert: UnroutedAlert;
  onClose: () => void;
  onDismissed: () => void;
}) {
  const { alert, onClose, onDismissed } = props;
  const itsmApi = useApi(itsmApiRef);
  const [reason, setReason] = useState('');
  const [dismissing, dismiss] = useAsyncFn(async () => {
    await itsmApi.dismissUnroutedAlert(alert.id, { reason: reason.trim() });
    onDismissed();
  }, [itsmApi, alert.id, reason, onDismissed]);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Dismiss “{alert.title}”</DialogTitle>
      <DialogContent>
        <DialogContentText>
          A dismissed alert opens no incident and leaves the inbox; it is kept
          with your reason. While it keeps firing, its deliveries are counted on
          it; once it has ended, a new firing waits here again.
        </DialogContentText>
        <TextField
          id={fieldId('dismiss reason')}
          label="Reason"
          required
          fullWidth
          multiline
          minRows={2}
          value={reason}
          onChange={event => setReason(event.target.value)}
          inputProps={{ maxLength: LIMITS.short }}
          helperText="Why this alert needs no incident, for whoever looks later"
        />
        {dismissing.error && (
          <Alert severity="error">{errorMessage(dismissing.error)}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={reason.trim() === '' || dismissing.loading}
          onClick={() => dismiss()}
        >
          Dismiss alert
        </Button>
      </DialogActions>
    </Dialog>
  );
}
