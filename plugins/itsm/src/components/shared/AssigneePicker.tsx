import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import useAsync from 'react-use/esm/useAsync';
import { CatalogEntityPicker } from './CatalogEntityPicker';

/** Picks the user or team a record is assigned to, or the signed-in user. */
export function AssigneePicker(props: {
  value: string | null;
  onChange: (ref: string | null) => void;
}) {
  const identityApi = useApi(identityApiRef);
  const me = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );
  return (
    <Box display="flex" gridGap={8} alignItems="flex-start">
      <Box flex={1}>
        <CatalogEntityPicker
          label="Assignee"
          kinds={['User', 'Group']}
          value={props.value}
          onChange={props.onChange}
          helperText="A person or a team; clear it to unassign"
        />
      </Box>
      <Button
        variant="outlined"
        style={{ marginTop: 10 }}
        disabled={!me.value || me.value === props.value}
        onClick={() => me.value && props.onChange(me.value)}
      >
        Assign to me
      </Button>
    </Box>
  );
}
