import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/** True for a 403 from the backend, or a permission denial. */
export function isForbidden(error: Error): boolean {
  const status = (error as { statusCode?: number }).statusCode;
  return status === 403 || error.name === 'NotAllowedError';
}

/**
 * Shows what failed. A 403 is explained as missing access rather than shown
 * as a crash; other errors keep the backend's message.
 */
export function ItsmErrorPanel(props: { error: Error; action: string }) {
  const { error, action } = props;
  if (isForbidden(error)) {
    return (
      <WarningPanel
        severity="info"
        title={`You don't have access to ${action}`}
      >
        <Typography variant="body2">
          Your Backstage permissions do not allow this. The owners of the
          affected entity, its assignee and ITSM administrators can; ask one of
          them, or your Backstage administrator for access.
        </Typography>
      </WarningPanel>
    );
  }
  return <ResponseErrorPanel title={`Could not ${action}`} error={error} />;
}
