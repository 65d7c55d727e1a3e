import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';
import { errorMessage } from '../shared/errorMessage';

const ENTITY_KINDS = ['Component', 'Resource', 'System', 'API'];

/**
 * The entities the incident affects besides its own: the incident shows on
 * their Incidents tab and status, and counts in their analysis.
 */
export function AffectedEntitiesCard(props: {
  incident: Incident;
  canEdit: boolean;
  revision: number;
  onChanged: () => void;
}) {
  const { incident, canEdit, revision, onChanged } = props;
  const itsmApi = useApi(itsmApiRef);
  const [adding, setAdding] = useState<string | null>(null);
  const affected = useAsync(
    () => itsmApi.getAffectedEntities(incident.id),
    [itsmApi, incident.id, revision],
  );
  const refs = affected.value?.entityRefs ?? [];
  const [saving, save] = useAsyncFn(
    async (entityRefs: string[]) => {
      await itsmApi.setAffectedEntities(incident.id, {
        version: incident.version,
        entityRefs,
      });
      setAdding(null);
      onChanged();
    },
    [itsmApi, incident.id, incident.version, onChanged],
  );
  const failure = saving.error ?? affected.error;
  return (
    <InfoCard title="Affected services">
      <Box display="flex" flexDirection="column" gridGap={8}>
        <Typography variant="body2" color="textSecondary">
          Primary: <EntityRefLink entityRef={incident.entityRef} />
        </Typography>
        {refs.length === 0 && (
          <Typography variant="body2">No other entity is affected.</Typography>
        )}
        {refs.map(ref => (
          <Box key={ref} display="flex" alignItems="center" gridGap={8}>
            <EntityRefLink entityRef={ref} />
            {canEdit && (
              <IconButton
                size="small"
                aria-label={`Remove ${ref}`}
                disabled={saving.loading}
                onClick={() => save(refs.filter(other => other !== ref))}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            )}
          </Box>
        ))}
        {canEdit && (
          <Box display="flex" gridGap={8} alignItems="flex-start">
            <Box flex={1}>
              <CatalogEntityPicker
                label="Add an affected entity"
                kinds={ENTITY_KINDS}
                value={adding}
                onChange={setAdding}
                size="small"
              />
            </Box>
            <Button
              variant="outlined"
              disabled={!adding || refs.includes(adding) || saving.loading}
              onClick={() => adding && save([...refs, adding])}
            >
              Add
            </Button>
          </Box>
        )}
        {failure && <Alert severity="error">{errorMessage(failure)}</Alert>}
      </Box>
    </InfoCard>
  );
}
