import { useApi } from '@backstage/core-plugin-api';
import {
  Postmortem,
  PostmortemStatus,
  nextPostmortemStatuses,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import {
  POSTMORTEM_MOVE_LABELS,
  POSTMORTEM_STATUS_LABELS,
} from './postmortemStatusLabels';

/** Where a postmortem stands in its review, with the moves it allows. */
export function PostmortemReview(props: {
  postmortem: Postmortem;
  canEdit: boolean;
  onMoved: () => void;
}) {
  const { postmortem: value, canEdit, onMoved } = props;
  const itsmApi = useApi(itsmApiRef);
  const [moving, move] = useAsyncFn(
    async (to: PostmortemStatus) => {
      await itsmApi.movePostmortemStatus(value.incidentId, {
        version: value.version,
        to,
      });
      onMoved();
    },
    [itsmApi, value.incidentId, value.version, onMoved],
  );
  return (
    <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap" mb={1}>
      <Typography variant="body2">Review:</Typography>
      <Chip
        size="small"
        color={value.status === 'published' ? 'primary' : 'default'}
        label={POSTMORTEM_STATUS_LABELS[value.status]}
      />
      {canEdit &&
        nextPostmortemStatuses(value.status).map(to => (
          <Button
            key={to}
            size="small"
            variant={to === 'draft' ? 'text' : 'outlined'}
            disabled={moving.loading}
            onClick={() => move(to)}
          >
            {POSTMORTEM_MOVE_LABELS[to]}
          </Button>
        ))}
      {moving.error && (
        <Alert severity="error">{errorMessage(moving.error)}</Alert>
      )}
    </Box>
  );
}
