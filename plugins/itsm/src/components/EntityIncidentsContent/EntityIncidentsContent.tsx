import { useState } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { itsmIncidentCreatePermission } from '@backstage-itsm/plugin-itsm-common';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import { useNavigate } from 'react-router-dom';
import { EntityMajorIncidentBanner } from '../EntityMajorIncidentBanner';
import { LogIncidentAnywhere } from '../IncidentQueue/LogIncidentAnywhere';
import { LogIncidentDialog } from '../LogIncidentDialog';
import { IncidentList } from '../shared/IncidentList';
import { entityScope } from '../shared/entityScope';
import { useRecordLinks } from '../shared/useRecordLinks';

/**
 * Incidents tab of an entity page: the entity's incidents, and logging a new
 * one. A system's tab also lists its components' incidents, a group's those
 * of every entity it owns.
 */
export function EntityIncidentsContent() {
  const { entity } = useEntity();
  const scope = entityScope(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const navigate = useNavigate();
  const links = useRecordLinks();
  const [logging, setLogging] = useState(false);
  const canCreate = usePermission({ permission: itsmIncidentCreatePermission });

  let logButton = canCreate.allowed ? (
    <Button
      variant="contained"
      color="primary"
      startIcon={<AddIcon />}
      onClick={() => setLogging(true)}
    >
      Log incident
    </Button>
  ) : null;
  if (scope.kind === 'group') {
    // A team is not broken itself: the incident goes on one of its entities.
    logButton = (
      <LogIncidentAnywhere helperText="Which of the team's services, resources or systems is broken?" />
    );
  }

  return (
    <>
      <EntityMajorIncidentBanner />
      <IncidentList
        title="Incidents"
        baseQuery={scope.query}
        showEntity={scope.kind !== 'entity'}
        actions={logButton}
        emptyDescription={filtered => {
          if (filtered === 'none') {
            return `No incidents have been logged for this ${kind}${
              scope.kind === 'entity' ? '' : ' or its entities'
            }.${
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
