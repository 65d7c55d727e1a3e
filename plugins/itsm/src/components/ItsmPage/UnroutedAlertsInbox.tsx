import { useCallback, useState } from 'react';
import { Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  UnroutedAlert,
  derivePriority,
  itsmIncidentCreatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useNavigate } from 'react-router-dom';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { LoadMoreButton } from '../shared/LoadMoreButton';
import { PriorityChip } from '../shared/PriorityChip';
import { formatAge } from '../shared/formatAge';
import { narrowColumn, textColumn } from '../shared/tableColumns';
import { usePagedList } from '../shared/usePagedList';
import { usePriorityMatrix } from '../shared/useItsmConfig';
import { DismissAlertDialog } from './DismissAlertDialog';
import { useRecordLinks } from '../shared/useRecordLinks';
import { DialogActionsBar } from '../shared/DialogActionsBar';
import { DialogErrorAlert } from '../shared/DialogErrorAlert';

function AssignDialog(props: {
  alert: UnroutedAlert;
  onClose: () => void;
  onAssigned: () => void;
}) {
  const { alert, onClose, onAssigned } = props;
  const itsmApi = useApi(itsmApiRef);
  const navigate = useNavigate();
  const links = useRecordLinks();
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [assigning, assign] = useAsyncFn(async () => {
    const { incident } = await itsmApi.assignUnroutedAlert(
      alert.id,
      entityRef!,
    );
    onAssigned();
    navigate(links.incident(incident.number));
  }, [itsmApi, alert.id, entityRef, navigate, links, onAssigned]);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Assign “{alert.title}”</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Pick the catalog entity this alert is about. An incident opens on it
          with the alert’s history, and later deliveries of the alert add to
          that incident. To route such alerts by themselves, add the
          `itsm.backstage.io/alert-selector` annotation to the entity.
        </DialogContentText>
        <CatalogEntityPicker
          label="Entity"
          kinds={['Component', 'Resource', 'System']}
          value={entityRef}
          onChange={setEntityRef}
        />
        <DialogErrorAlert error={assigning.error} />
      </DialogContent>
      <DialogActionsBar
        onCancel={onClose}
        onConfirm={assign}
        disabled={!entityRef || assigning.loading}
      >
        Open incident
      </DialogActionsBar>
    </Dialog>
  );
}

/**
 * Alerts that matched no catalog entity, waiting for someone to assign or
 * dismiss them; `onChange` hears of each one that leaves the inbox.
 */
export function UnroutedAlertsInbox(props: { onChange?: () => void }) {
  const { onChange } = props;
  const itsmApi = useApi(itsmApiRef);
  const matrix = usePriorityMatrix();
  const canAssign = usePermission({ permission: itsmIncidentCreatePermission });
  const [assigning, setAssigning] = useState<UnroutedAlert>();
  const [dismissing, setDismissing] = useState<UnroutedAlert>();
  const [revision, setRevision] = useState(0);
  const alerts = usePagedList({
    load: cursor =>
      itsmApi.listUnroutedAlerts({ status: 'pending', cursor, limit: 100 }),
    key: 'pending',
    revision,
  });
  const onDismissed = useCallback(() => {
    setDismissing(undefined);
    setRevision(r => r + 1);
    onChange?.();
  }, [onChange]);
  const onAssigned = useCallback(() => onChange?.(), [onChange]);

  const columns: TableColumn<UnroutedAlert>[] = [
    { title: 'Alert', field: 'title', ...textColumn('40%', { minWidth: 200 }) },
    {
      title: 'Priority',
      field: 'severity',
      ...narrowColumn(),
      render: alert => (
        <Box display="flex" gridGap={6} alignItems="center">
          <PriorityChip
            priority={derivePriority({
              impact: alert.impact,
              urgency: alert.urgency,
              matrix,
            })}
          />
          <span>{alert.severity}</span>
        </Box>
      ),
    },
    {
      title: 'Labels',
      field: 'labels',
      ...textColumn('40%'),
      render: alert => (
        <Box display="flex" gridGap={4} flexWrap="wrap">
          {Object.entries(alert.labels)
            .slice(0, 6)
            .map(([key, value]) => (
              <Chip
                key={key}
                size="small"
                variant="outlined"
                label={`${key}=${value}`}
              />
            ))}
        </Box>
      ),
    },
    {
      title: 'Deliveries',
      field: 'occurrenceCount',
      type: 'numeric',
      ...narrowColumn(),
    },
    {
      title: 'Last seen',
      field: 'lastSeenAt',
      ...narrowColumn(),
      render: alert =>
        `${formatAge({ from: alert.lastSeenAt })} ago${
          alert.endedAt ? ' · ended' : ''
        }`,
    },
    {
      title: '',
      field: 'id',
      ...narrowColumn(),
      render: alert =>
        canAssign.allowed ? (
          <Box display="flex" gridGap={8}>
            <Button
              size="small"
              variant="outlined"
              color="primary"
              onClick={() => setAssigning(alert)}
            >
              Assign
            </Button>
            <Button size="small" onClick={() => setDismissing(alert)}>
              Dismiss
            </Button>
          </Box>
        ) : null,
    },
  ];

  if (alerts.loading) {
    return <Progress />;
  }
  if (alerts.error) {
    return (
      <ItsmErrorPanel error={alerts.error} action="load unrouted alerts" />
    );
  }
  return (
    <>
      <Table<UnroutedAlert>
        title="Unrouted alerts"
        subtitle="Alerts that matched no catalog entity; none is dropped"
        columns={columns}
        data={alerts.items}
        emptyContent={
          <Box p={2}>
            Every alert found its entity. Alerts whose labels match no entity
            wait here until someone assigns or dismisses them.
          </Box>
        }
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
        }}
      />
      <LoadMoreButton list={alerts} what="unrouted alerts" />
      {assigning && (
        <AssignDialog
          alert={assigning}
          onClose={() => setAssigning(undefined)}
          onAssigned={onAssigned}
        />
      )}
      {dismissing && (
        <DismissAlertDialog
          alert={dismissing}
          onClose={() => setDismissing(undefined)}
          onDismissed={onDismissed}
        />
      )}
    </>
  );
}
