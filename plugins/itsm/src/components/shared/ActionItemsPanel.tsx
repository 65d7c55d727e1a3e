import { useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ActionItem,
  ActionItemParent,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { CatalogEntityPicker } from './CatalogEntityPicker';
import { ItsmErrorPanel } from './ItsmErrorPanel';
import { LoadMoreButton } from './LoadMoreButton';
import { PrincipalRef } from './PrincipalRef';
import { errorMessage } from './errorMessage';
import { formatDate } from './formatTime';
import { usePagedList } from './usePagedList';

function isOverdue(item: ActionItem): boolean {
  return (
    item.status === 'open' &&
    item.dueAt !== null &&
    new Date(item.dueAt).getTime() < Date.now()
  );
}

/**
 * Follow-up tasks of a problem or a postmortem: tick off, add new ones.
 * Changes are reported with `onChanged`; the record view then bumps
 * `revision`, which reloads the list along with the rest of the view.
 */
export function ActionItemsPanel(props: {
  parent: ActionItemParent;
  canEdit: boolean;
  revision: number;
  onChanged: () => void;
}) {
  const { parent, canEdit, revision, onChanged } = props;
  const itsmApi = useApi(itsmApiRef);
  const items = usePagedList({
    load: cursor => itsmApi.listActionItems(parent, { cursor }),
    key: `${parent.parentType}:${parent.parentId}`,
    revision,
  });
  const [title, setTitle] = useState('');
  const [ownerRef, setOwnerRef] = useState<string | null>(null);
  const [dueAt, setDueAt] = useState('');

  const [adding, add] = useAsyncFn(async () => {
    await itsmApi.createActionItem({
      ...parent,
      title: title.trim(),
      ownerRef: ownerRef ?? undefined,
      dueAt: dueAt ? new Date(`${dueAt}T17:00:00`).toISOString() : undefined,
    });
    setTitle('');
    setDueAt('');
    setOwnerRef(null);
    onChanged();
  }, [itsmApi, parent, title, ownerRef, dueAt, onChanged]);

  const [toggling, toggle] = useAsyncFn(
    async (item: ActionItem) => {
      await itsmApi.updateActionItem(item.id, {
        version: item.version,
        status: item.status === 'done' ? 'open' : 'done',
      });
      onChanged();
    },
    [itsmApi, onChanged],
  );

  let list;
  if (items.loading) {
    list = <Progress />;
  } else if (items.error) {
    list = <ItsmErrorPanel error={items.error} action="load action items" />;
  } else if (items.items.length === 0) {
    list = (
      <Typography variant="body2" color="textSecondary">
        No action items yet. Add the corrective and preventive work that keeps
        this from happening again.
      </Typography>
    );
  } else {
    list = (
      <List dense aria-label="Action items">
        {items.items.map(item => (
          <ListItem key={item.id} divider>
            <ListItemIcon>
              <Checkbox
                edge="start"
                checked={item.status === 'done'}
                disabled={!canEdit || toggling.loading}
                onChange={() => toggle(item)}
                inputProps={{ 'aria-label': `Done: ${item.title}` }}
              />
            </ListItemIcon>
            <ListItemText
              style={{ whiteSpace: 'normal' }}
              primary={item.title}
              secondary={
                <>
                  {item.ownerRef ? (
                    <PrincipalRef entityRef={item.ownerRef} />
                  ) : (
                    'No owner'
                  )}
                  {item.dueAt && ` · due ${formatDate(item.dueAt)}`}
                  {isOverdue(item) && (
                    <Typography component="span" color="error">
                      {' '}
                      · overdue
                    </Typography>
                  )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    );
  }

  return (
    <InfoCard title="Action items">
      {list}
      <LoadMoreButton list={items} what="action items" />
      {toggling.error && (
        <Alert severity="error">{errorMessage(toggling.error)}</Alert>
      )}
      {canEdit && (
        <Box
          display="flex"
          gridGap={8}
          alignItems="center"
          mt={2}
          flexWrap="wrap"
        >
          <TextField
            id="itsm-new-action-item"
            label="New action item"
            size="small"
            variant="outlined"
            value={title}
            onChange={event => setTitle(event.target.value)}
            style={{ flex: 2, minWidth: 200 }}
          />
          <Box flex={1} minWidth={180}>
            <CatalogEntityPicker
              label="Owner"
              kinds={['User', 'Group']}
              value={ownerRef}
              onChange={setOwnerRef}
              size="small"
            />
          </Box>
          <TextField
            id="itsm-due"
            label="Due"
            type="date"
            size="small"
            variant="outlined"
            InputLabelProps={{ shrink: true }}
            value={dueAt}
            onChange={event => setDueAt(event.target.value)}
          />
          <Button
            variant="outlined"
            color="primary"
            disabled={!title.trim() || adding.loading}
            onClick={() => add()}
          >
            Add
          </Button>
        </Box>
      )}
      {adding.error && (
        <Alert severity="error">{errorMessage(adding.error)}</Alert>
      )}
    </InfoCard>
  );
}
