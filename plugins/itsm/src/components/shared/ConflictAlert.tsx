import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';

/** Says that someone else saved first and their version is now shown. */
export function ConflictAlert(props: { number: string }) {
  return (
    <Box mt={2}>
      <Alert severity="warning">
        Someone else changed {props.number} while you were editing. Their
        version is now shown; make your change again and save.
      </Alert>
    </Box>
  );
}
