import { stringifyEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { OPEN_INCIDENT_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { priorityText } from '../shared/labels';
import { useEntityRevision } from '../shared/useLiveRevision';
import { useRecordLinks } from '../shared/useRecordLinks';
import { UpstreamIncidentAlert } from './UpstreamIncidentAlert';

/**
 * A warning across the entity page while a P1 or P2 incident is open on it,
 * and another while one is open on something it depends on.
 */
export function EntityMajorIncidentBanner() {
  const { entity } = useEntity();
  const itsmApi = useApi(itsmApiRef);
  const links = useRecordLinks();
  const entityRef = stringifyEntityRef(entity);
  const live = useEntityRevision(entityRef);
  const open = useAsync(
    () =>
      itsmApi.listIncidents({
        entityRef,
        status: [...OPEN_INCIDENT_STATUSES],
        priority: [1, 2],
        limit: 5,
      }),
    [itsmApi, entityRef, live],
  );
  const incidents = open.value?.items ?? [];
  const upstream = (
    <UpstreamIncidentAlert entity={entity} entityRef={entityRef} />
  );
  if (incidents.length === 0) {
    return upstream;
  }
  const worst = incidents.some(i => i.priority === 1) ? 'error' : 'warning';
  return (
    <>
      <Box mb={2}>
        <Alert severity={worst} role="alert">
          <AlertTitle>
            {incidents.length === 1
              ? 'A major incident is open on this entity'
              : `${incidents.length}${
                  open.value?.nextCursor ? '+' : ''
                } major incidents are open on this entity`}
          </AlertTitle>
          {incidents.map(incident => (
            <div key={incident.id}>
              <Link to={links.incident(incident.number)}>
                {incident.number}
              </Link>{' '}
              {priorityText(incident.priority)}: {incident.title}
            </div>
          ))}
        </Alert>
      </Box>
      {upstream}
    </>
  );
}
