import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { errorMessage } from './errorMessage';

/**
 * A failed dialog action, with the backend's message; nothing without an
 * error. `spaced` sets it apart from a form above it.
 */
export function DialogErrorAlert(props: {
  error: Error | undefined;
  spaced?: boolean;
}) {
  const { error, spaced } = props;
  if (!error) {
    return null;
  }
  const alert = <Alert severity="error">{errorMessage(error)}</Alert>;
  return spaced ? <Box mt={2}>{alert}</Box> : alert;
}
