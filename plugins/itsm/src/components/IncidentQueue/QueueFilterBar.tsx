import { useState } from 'react';
import {
  INCIDENT_STATUSES,
  PRIORITIES,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';
import { INCIDENT_STATUS_LABELS, priorityText } from '../shared/labels';
import { searchableText } from '../shared/searchableText';
import { QueueFilters } from './queueFilters';

const SORT_LABELS: Record<QueueFilters['sort'], string> = {
  priority: 'Priority, then oldest',
  newest: 'Newest first',
  oldest: 'Oldest first',
  relevance: 'Best match of the words',
  due: 'SLA due soonest',
};

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  return (
    <TextField
      id={props.id}
      select
      size="small"
      variant="outlined"
      label={props.label}
      style={{ minWidth: 150 }}
      value={props.value}
      disabled={props.disabled}
      onChange={event => props.onChange(event.target.value)}
    >
      {props.options.map(([value, label]) => (
        <MenuItem key={value} value={value}>
          {label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The queue's filters and order; every change goes to the page's URL. */
export function QueueFilterBar(props: {
  filters: QueueFilters;
  onChange: (changes: Partial<QueueFilters>) => void;
}) {
  const { filters, onChange } = props;
  const [search, setSearch] = useState(filters.text ?? '');
  useDebounce(
    () => {
      const text = searchableText(search);
      if (text !== filters.text) onChange({ text });
    },
    300,
    [search],
  );
  return (
    <Box display="flex" flexWrap="wrap" gridGap={12} alignItems="center">
      <TextField
        id="itsm-queue-search"
        size="small"
        variant="outlined"
        type="search"
        label="Search words or number"
        value={search}
        onChange={event => setSearch(event.target.value)}
      />
      <Select
        id="itsm-queue-status"
        label="Status"
        value={filters.status}
        options={[
          ['open', 'Open'],
          ['all', 'All'],
          ...INCIDENT_STATUSES.map(
            s => [s, INCIDENT_STATUS_LABELS[s]] as [string, string],
          ),
        ]}
        onChange={value =>
          onChange({ status: value as QueueFilters['status'] })
        }
      />
      <TextField
        id="itsm-queue-priority"
        select
        size="small"
        variant="outlined"
        label="Priority"
        style={{ minWidth: 150 }}
        SelectProps={{
          multiple: true,
          renderValue: value =>
            (value as Priority[]).length === 0
              ? 'Any'
              : (value as Priority[]).map(p => `P${p}`).join(', '),
          displayEmpty: true,
        }}
        InputLabelProps={{ shrink: true }}
        value={filters.priority}
        onChange={event =>
          onChange({
            priority: (event.target.value as unknown as number[])
              .map(Number)
              .sort() as Priority[],
          })
        }
      >
        {PRIORITIES.map(p => (
          <MenuItem key={p} value={p}>
            {priorityText(p)}
          </MenuItem>
        ))}
      </TextField>
      <Select
        id="itsm-queue-sort"
        label="Order"
        value={filters.sort}
        options={Object.entries(SORT_LABELS)}
        onChange={value => onChange({ sort: value as QueueFilters['sort'] })}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={filters.myTeams && !filters.ownerRef}
            disabled={!!filters.ownerRef}
            onChange={event => onChange({ myTeams: event.target.checked })}
          />
        }
        label="My teams"
      />
      <Box minWidth={200}>
        <CatalogEntityPicker
          label="Owner team"
          kinds={['Group']}
          size="small"
          value={filters.ownerRef ?? null}
          onChange={ref => onChange({ ownerRef: ref ?? undefined })}
        />
      </Box>
      <Box minWidth={220}>
        <CatalogEntityPicker
          label="Entity"
          kinds={['Component', 'Resource', 'System', 'API']}
          size="small"
          value={filters.entityRef ?? null}
          onChange={ref => onChange({ entityRef: ref ?? undefined })}
        />
      </Box>
      <Select
        id="itsm-queue-assigned"
        label="Assigned"
        value={filters.assigneeRef ? 'named' : filters.assignee ?? ''}
        disabled={!!filters.assigneeRef}
        options={[
          ['', 'Anyone or nobody'],
          ['me', 'To me'],
          ['none', 'Unassigned'],
          ...(filters.assigneeRef
            ? [['named', 'As chosen'] as [string, string]]
            : []),
        ]}
        onChange={value =>
          onChange({
            assignee: (value || undefined) as QueueFilters['assignee'],
          })
        }
      />
      <Box minWidth={200}>
        <CatalogEntityPicker
          label="Assignee"
          kinds={['User', 'Group']}
          size="small"
          value={filters.assigneeRef ?? null}
          onChange={ref => onChange({ assigneeRef: ref ?? undefined })}
        />
      </Box>
      <Select
        id="itsm-queue-source"
        label="Source"
        value={filters.source ?? ''}
        options={[
          ['', 'Any'],
          ['manual', 'Logged by hand'],
          ['alert', 'Opened by an alert'],
        ]}
        onChange={value =>
          onChange({ source: (value || undefined) as QueueFilters['source'] })
        }
      />
    </Box>
  );
}
