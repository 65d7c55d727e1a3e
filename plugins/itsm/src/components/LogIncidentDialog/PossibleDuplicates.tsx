import { useApi } from '@backstage/core-plugin-api';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Link from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { FoundViaText } from '../shared/FoundViaText';
import { PriorityChip } from '../shared/PriorityChip';
import { errorMessage } from '../shared/errorMessage';
import { INCIDENT_STATUS_LABELS } from '../shared/labels';
import { useRecordLinks } from '../shared/useRecordLinks';

/**
 * Open incidents on the entity and what it depends on, those matching the
 * title first. "Same incident" adds the reporter's words to that incident as
 * a note instead of logging another record.
 */
export function PossibleDuplicates(props: {
  entityRef: string;
  words: string;
  note: string;
  onSameIncident: (incident: Incident) => void;
}) {
  const { entityRef, words, note, onSameIncident } = props;
  const itsmApi = useApi(itsmApiRef);
  const links = useRecordLinks();
  const found = useAsync(
    () =>
      itsmApi.listPossibleDuplicates({
        entityRef,
        text: words.trim() || undefined,
      }),
    [itsmApi, entityRef, words],
  );
  const [joining, join] = useAsyncFn(
    async (incident: Incident) => {
      await itsmApi.addIncidentNote(incident.id, {
        body: note,
        visibility: 'internal',
      });
      onSameIncident(incident);
    },
    [itsmApi, note, onSameIncident],
  );

  if (found.error) {
    return (
      <Alert severity="warning">
        Could not look for open incidents: {errorMessage(found.error)}
      </Alert>
    );
  }
  const items = found.value?.items ?? [];
  if (items.length === 0) {
    return null;
  }
  return (
    <Box mb={2} role="region" aria-label="Possible duplicates">
      <Alert severity="warning">
        {items.length === 1
          ? 'An incident is already open here. Is it the same?'
          : `${items.length} incidents are already open here. Is one of them the same?`}
      </Alert>
      {items.slice(0, 5).map(({ incident, ...via }) => (
        <Paper
          key={incident.id}
          variant="outlined"
          style={{ padding: 12, marginTop: 8 }}
        >
          <Box display="flex" gridGap={8} alignItems="center">
            <Link href={links.incident(incident.number)} target="_blank">
              {incident.number}
            </Link>
            <PriorityChip priority={incident.priority} />
            <Typography variant="body2" style={{ flex: 1 }}>
              {incident.title} · {INCIDENT_STATUS_LABELS[incident.status]}
            </Typography>
          </Box>
          <FoundViaText found={via} what="entity" />
          <Box mt={1}>
            <Button
              size="small"
              variant="outlined"
              color="primary"
              disabled={!note.trim() || joining.loading}
              aria-label={`Same incident as ${incident.number}`}
              onClick={() => join(incident)}
            >
              Same incident
            </Button>
            {!note.trim() && (
              <Typography variant="caption" color="textSecondary">
                {' '}
                Describe what you see first; it is added to that incident.
              </Typography>
            )}
          </Box>
        </Paper>
      ))}
      {joining.error && (
        <Alert severity="error">{errorMessage(joining.error)}</Alert>
      )}
    </Box>
  );
}
