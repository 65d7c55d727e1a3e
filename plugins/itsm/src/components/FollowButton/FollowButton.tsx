import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import NotificationsActiveIcon from '@material-ui/icons/NotificationsActive';
import NotificationsNoneIcon from '@material-ui/icons/NotificationsNone';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { ItsmFollowState, ItsmFollowTarget, itsmApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';

function followersText(count: number): string {
  return count === 1 ? '1 follower' : `${count} followers`;
}

/**
 * Follow or unfollow an incident, a problem or an entity's incidents, with
 * the number of followers. Hidden when following cannot be read.
 */
export function FollowButton(props: {
  target: ItsmFollowTarget;
  /** What is followed, after "Follow" and "Unfollow", such as "this entity's incidents". */
  what?: string;
  /** Bumped when the record changed, to read the followers again. */
  revision?: number;
}) {
  const { target, what, revision } = props;
  const itsmApi = useApi(itsmApiRef);
  const key = JSON.stringify(target);
  const [state, setState] = useState<ItsmFollowState>();
  const loaded = useAsync(
    () => itsmApi.getFollow(JSON.parse(key)),
    [itsmApi, key, revision],
  );
  useEffect(() => {
    if (loaded.value) {
      setState(loaded.value);
    }
  }, [loaded.value]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error>();
  const toggle = async (following: boolean) => {
    const parsed: ItsmFollowTarget = JSON.parse(key);
    setBusy(true);
    setFailure(undefined);
    try {
      setState(
        following
          ? await itsmApi.unfollow(parsed)
          : await itsmApi.follow(parsed),
      );
    } catch (error) {
      setFailure(error as Error);
    } finally {
      setBusy(false);
    }
  };

  if (!state) {
    return null;
  }
  const suffix = what ? ` ${what}` : '';
  return (
    <Box display="inline-flex" alignItems="center" gridGap={8}>
      <Button
        size="small"
        variant={state.following ? 'contained' : 'outlined'}
        color="primary"
        disabled={busy}
        startIcon={
          state.following ? (
            <NotificationsActiveIcon />
          ) : (
            <NotificationsNoneIcon />
          )
        }
        onClick={() => toggle(state.following)}
      >
        {state.following ? `Unfollow${suffix}` : `Follow${suffix}`}
      </Button>
      <Typography variant="body2" color="textSecondary">
        {followersText(state.followers)}
      </Typography>
      {failure && <Alert severity="error">{errorMessage(failure)}</Alert>}
    </Box>
  );
}
