import { Incident } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { PrincipalRef } from '../shared/PrincipalRef';

/** A declared major incident in a list: the badge and its commander. */
export function MajorIncidentBadge(props: { incident: Incident }) {
  const { incident } = props;
  if (incident.declaredAt === null) {
    return null;
  }
  return (
    <Box display="flex" alignItems="center" gridGap={6} mt={0.5}>
      <Chip size="small" color="secondary" label="Major incident" />
      {incident.commanderRef && (
        <Typography variant="caption" component="span">
          Commander: <PrincipalRef entityRef={incident.commanderRef} />
        </Typography>
      )}
    </Box>
  );
}
