import { Fragment } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { PrincipalRef } from '../shared/PrincipalRef';

/**
 * Who receives the incident's public status updates, and why: owners,
 * reporter, assignee, followers. Hidden when the audience cannot be read.
 */
export function StatusUpdateAudience(props: {
  incidentId: string;
  revision?: number;
}) {
  const { incidentId, revision } = props;
  const itsmApi = useApi(itsmApiRef);
  const audience = useAsync(
    () => itsmApi.getIncidentAudience(incidentId),
    [itsmApi, incidentId, revision],
  );
  const recipients = audience.value?.recipients;
  if (!recipients) {
    return null;
  }
  return (
    <Typography variant="body2" color="textSecondary">
      {recipients.length === 0
        ? 'A public status update reaches nobody yet: the entity has no owner and nobody follows the incident.'
        : 'A public status update is sent to '}
      {recipients.map((recipient, index) => (
        <Fragment key={recipient.entityRef}>
          {index > 0 && ', '}
          <PrincipalRef
            entityRef={recipient.entityRef}
            defaultKind={recipient.entityRef.split(':')[0]}
          />
          {` (${recipient.reasons.join(', ')})`}
        </Fragment>
      ))}
    </Typography>
  );
}
