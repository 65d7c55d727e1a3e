import { useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { itsmIncidentCreatePermission } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import { useNavigate } from 'react-router-dom';
import { EntityMajorIncidentBanner } from '../EntityMajorIncidentBanner';
import { FollowButton } from '../FollowButton';
import { LogIncidentDialog } from '../LogIncidentDialog';
import { IncidentList } from '../shared/IncidentList';
import { useEntityRevision } from '../shared/useLiveRevision';
import { useRecordLinks } from '../shared/useRecordLinks';

/** Incidents tab of an entity page: the entity's incidents, and logging a new one. */
export function EntityIncidentsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const navigate = useNavigate();
  const links = useRecordLinks();
  const [logging, setLogging] = useState(false);
  const canCreate = usePermission({ permission: itsmIncidentCreatePermission });
  const live = useEntityRevision(entityRef);

  const actions = (
    <Box display="flex" alignItems="center" gridGap={16}>
      <FollowButton
        target={{ kind: 'entity', entityRef }}
        what="this entity's incidents"
      />
      {canCreate.allowed && (
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          onClick={() => setLogging(true)}
        >
          Log incident
        </Button>
      )}
    </Box>
  );

  return (
    <>
      <EntityMajorIncidentBanner />
      <IncidentList
        title="Incidents"
        baseQuery={{ entityRef }}
        actions={actions}
        reloadKey={live}
        emptyDescription={filtered => {
          if (filtered === 'none') {
            return `No incidents have been logged for this ${kind}.${
              canCreate.allowed ? ' When something breaks, log one here.' : ''
            }`;
          }
          if (filtered === 'open') {
            return `This ${kind} has no open incidents. Choose status "All" to see past ones.`;
          }
          return 'No incidents match these filters.';
        }}
      />
      {logging && (
        <LogIncidentDialog
          entity={entity}
          open
          onClose={() => setLogging(false)}
          onLogged={incident => navigate(links.incident(incident.number))}
        />
      )}
    </>
  );
}
