import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { itsmIncidentCreatePermission } from '@backstage-itsm/plugin-itsm-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { LogIncidentDialog } from '../LogIncidentDialog';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';
import { errorMessage } from '../shared/errorMessage';
import { useRecordLinks } from '../shared/useRecordLinks';

/**
 * "Log incident" outside an entity page: asks which entity is broken, then
 * opens the usual dialog for it. `kinds` limits the entities offered.
 */
export function LogIncidentAnywhere(props: {
  kinds?: string[];
  helperText?: string;
}) {
  const kinds = props.kinds ?? ['Component', 'Resource', 'System', 'API'];
  const catalogApi = useApi(catalogApiRef);
  const navigate = useNavigate();
  const links = useRecordLinks();
  const canCreate = usePermission({ permission: itsmIncidentCreatePermission });
  const [picking, setPicking] = useState(false);
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string>();
  const entity = useAsync(
    async () => (chosen ? catalogApi.getEntityByRef(chosen) : undefined),
    [catalogApi, chosen],
  );
  if (!canCreate.allowed) {
    return null;
  }
  const close = () => {
    setPicking(false);
    setChosen(undefined);
    setEntityRef(null);
  };
  return (
    <>
      <Button
        variant="contained"
        color="primary"
        startIcon={<AddIcon />}
        onClick={() => setPicking(true)}
      >
        Log incident
      </Button>
      {picking && !entity.value && (
        <Dialog open onClose={close} maxWidth="sm" fullWidth>
          <DialogTitle>Log incident</DialogTitle>
          <DialogContent>
            <DialogContentText>
              {props.helperText ??
                'Which service, resource or system is broken?'}
            </DialogContentText>
            <CatalogEntityPicker
              label="Broken entity"
              kinds={kinds}
              value={entityRef}
              onChange={setEntityRef}
            />
            {entity.error && (
              <Alert severity="error">{errorMessage(entity.error)}</Alert>
            )}
            {chosen && !entity.loading && !entity.error && (
              <Alert severity="error">{chosen} is not in the catalog.</Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button
              color="primary"
              variant="contained"
              disabled={!entityRef || entity.loading}
              onClick={() => entityRef && setChosen(entityRef)}
            >
              Next
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {entity.value && (
        <LogIncidentDialog
          entity={entity.value}
          open
          onClose={close}
          onLogged={incident => navigate(links.incident(incident.number))}
        />
      )}
    </>
  );
}
