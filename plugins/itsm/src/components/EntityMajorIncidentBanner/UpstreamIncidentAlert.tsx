import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { UpstreamIncident } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { useRecordLinks } from '../shared/useRecordLinks';
import { useRecordsRevision } from '../shared/useLiveRevision';

function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

function UpstreamLine(props: { item: UpstreamIncident; entityTitle: string }) {
  const { item, entityTitle } = props;
  const links = useRecordLinks();
  const { incident, path } = item;
  return (
    <Box mb={1}>
      <EntityRefLink entityRef={incident.entityRef} hideIcon /> which{' '}
      {entityTitle} depends on has an open P{incident.priority}:{' '}
      <Link to={links.incident(incident.number)}>{incident.number}</Link>{' '}
      {incident.title}
      {path.length > 2 && (
        <Typography variant="body2" component="div">
          Through {path.map(nameOf).join(' → ')}
        </Typography>
      )}
    </Box>
  );
}

/**
 * A warning while something the entity depends on, directly or through
 * other entities, has an open P1 or P2 incident.
 */
export function UpstreamIncidentAlert(props: {
  entity: Entity;
  entityRef: string;
}) {
  const { entity, entityRef } = props;
  const itsmApi = useApi(itsmApiRef);
  // Upstream incidents are other entities' records: any change may matter.
  const live = useRecordsRevision();
  const upstream = useAsync(
    () => itsmApi.listUpstreamIncidents(entityRef),
    [itsmApi, entityRef, live],
  );
  const items = upstream.value?.items ?? [];
  if (items.length === 0) {
    return null;
  }
  const entityTitle = entity.metadata.title ?? entity.metadata.name;
  return (
    <Box mb={2}>
      <Alert
        severity={
          items.some(i => i.incident.priority === 1) ? 'error' : 'warning'
        }
        role="alert"
        aria-label="Upstream incidents"
      >
        <AlertTitle>
          {items.length === 1
            ? `Something ${entityTitle} depends on has a major incident`
            : `${items.length} things ${entityTitle} depends on have major incidents`}
        </AlertTitle>
        {items.map(item => (
          <UpstreamLine
            key={item.incident.id}
            item={item}
            entityTitle={entityTitle}
          />
        ))}
      </Alert>
    </Box>
  );
}
