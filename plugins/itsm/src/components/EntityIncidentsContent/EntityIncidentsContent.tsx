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
import { LogIncidentAnywhere } from '../IncidentQueue/LogIncidentAnywhere';
import { LogIncidentDialog } from '../LogIncidentDialog';
import { IncidentList } from '../shared/IncidentList';
import { entityScope } from '../shared/entityScope';
import { useScopeRevision } from '../shared/useLiveRevision';
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
  const entityRef = stringifyEntityRef(entity);
  const live = useScopeRevision({ kind: scope.kind, entityRef });

  const logButton =
    scope.kind === 'group' ? (
      // A team is not broken itself: the incident goes on one of its entities.
      <LogIncidentAnywhere helperText="Which of the team's services, resources or systems is broken?" />
    ) : (
      canCreate.allowed && (
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          onClick={() => setLogging(true)}
        >
          Log incident
        </Button>
      )
    );
  const actions = (
    <Box display="flex" alignItems="center" gridGap={16}>
      {scope.kind === 'entity' && (
        <FollowButton
          target={{ kind: 'entity', entityRef }}
          what="this entity's incidents"
        />
      )}
      {logButton}
    </Box>
  );

  return (
    <>
      <EntityMajorIncidentBanner />
      <IncidentList
        title="Incidents"
        baseQuery={
          // An entity's tab also lists incidents that affect it besides their own.
          scope.kind === 'entity'
            ? { affectingEntityRef: entityRef }
            : scope.query
        }
        showEntity={scope.kind !== 'entity'}
        actions={actions}
        reloadKey={live}
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
