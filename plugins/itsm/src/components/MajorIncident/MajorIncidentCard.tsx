import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { PrincipalRef } from '../shared/PrincipalRef';
import { formatTime } from '../shared/formatTime';
import { DeclareMajorIncidentDialog } from './DeclareMajorIncidentDialog';

function Role(props: { label: string; holder: string | null }) {
  return (
    <Box display="flex" gridGap={8} alignItems="baseline">
      <Typography variant="body2" color="textSecondary" style={{ width: 180 }}>
        {props.label}
      </Typography>
      {props.holder ? (
        <PrincipalRef entityRef={props.holder} />
      ) : (
        <Typography variant="body2">Not named</Typography>
      )}
    </Box>
  );
}

/**
 * The major incident response: whether it is declared, its incident
 * commander and communications lead, and declaring it or changing them.
 */
export function MajorIncidentCard(props: {
  incident: Incident;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { incident, canEdit, onChanged } = props;
  const [editing, setEditing] = useState(false);
  const declared = incident.declaredAt !== null;
  return (
    <InfoCard title="Major incident">
      {declared ? (
        <Box display="flex" flexDirection="column" gridGap={8}>
          <Typography variant="body2">
            Declared {formatTime(incident.declaredAt)}. Closing it needs a
            postmortem.
          </Typography>
          <Role label="Incident commander" holder={incident.commanderRef} />
          <Role
            label="Communications lead"
            holder={incident.communicationsLeadRef}
          />
        </Box>
      ) : (
        <Typography variant="body2">
          Not declared. Declare a major incident to name an incident commander
          and a communications lead and to require a postmortem before it
          closes.
        </Typography>
      )}
      {canEdit && (
        <Box mt={2}>
          <Button
            variant={declared ? 'outlined' : 'contained'}
            color="secondary"
            onClick={() => setEditing(true)}
          >
            {declared ? 'Change roles' : 'Declare major incident'}
          </Button>
        </Box>
      )}
      {editing && (
        <DeclareMajorIncidentDialog
          incident={incident}
          onClose={() => setEditing(false)}
          onSaved={onChanged}
        />
      )}
    </InfoCard>
  );
}
