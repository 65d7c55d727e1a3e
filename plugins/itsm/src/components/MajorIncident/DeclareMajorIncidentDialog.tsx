import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import { itsmApiRef } from '../../api';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';
import { ConflictAlert } from '../shared/ConflictAlert';
import { FormDialog } from '../shared/FormDialog';
import { useConflictAwareSave } from '../shared/useConflictAwareSave';

/** Declares a major incident, or changes its roles once declared. */
export function DeclareMajorIncidentDialog(props: {
  incident: Incident;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { incident, onClose, onSaved } = props;
  const itsmApi = useApi(itsmApiRef);
  const [commanderRef, setCommanderRef] = useState(incident.commanderRef);
  const [communicationsLeadRef, setCommunicationsLeadRef] = useState(
    incident.communicationsLeadRef,
  );
  const { conflict, saving, save } = useConflictAwareSave(
    {
      save: () =>
        itsmApi.declareMajorIncident(incident.id, {
          version: incident.version,
          commanderRef,
          communicationsLeadRef,
        }),
      onSaved,
      onClose,
    },
    [itsmApi, incident, commanderRef, communicationsLeadRef],
  );
  const declared = incident.declaredAt !== null;
  return (
    <FormDialog
      title={
        declared
          ? `Roles of major incident ${incident.number}`
          : `Declare ${incident.number} a major incident`
      }
      onClose={onClose}
      error={saving.error}
      busy={saving.loading}
      canConfirm
      confirmLabel={declared ? 'Save roles' : 'Declare major incident'}
      onConfirm={save}
      notice={conflict && <ConflictAlert number={incident.number} />}
    >
      <Box display="flex" flexDirection="column" gridGap={16}>
        <CatalogEntityPicker
          label="Incident commander"
          kinds={['User']}
          value={commanderRef}
          onChange={setCommanderRef}
          helperText="Leads the response and decides; notified when named"
        />
        <CatalogEntityPicker
          label="Communications lead"
          kinds={['User']}
          value={communicationsLeadRef}
          onChange={setCommunicationsLeadRef}
          helperText="Keeps stakeholders and the status page informed"
        />
      </Box>
    </FormDialog>
  );
}
