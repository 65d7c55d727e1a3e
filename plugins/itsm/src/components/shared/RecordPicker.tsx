import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Incident,
  OPEN_PROBLEM_STATUSES,
  Problem,
} from '@backstage-itsm/plugin-itsm-common';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { itsmApiRef } from '../../api';
import { fieldId } from './fieldId';
import { searchableText } from './searchableText';

type RecordLike = Pick<Incident | Problem, 'id' | 'number' | 'title'>;

/**
 * Finds a record by number or by words of its title or description, as the
 * user types: `311`, `INC-311` and `payment timeout` all find records.
 */
function RecordPicker<T extends RecordLike>(props: {
  label: string;
  value: T | null;
  onChange: (record: T | null) => void;
  search: (text: string | undefined) => Promise<T[]>;
  exclude?: string[];
  size?: 'small' | 'medium';
  required?: boolean;
}) {
  const [input, setInput] = useState('');
  const [text, setText] = useState('');
  useDebounce(() => setText(searchableText(input) ?? ''), 300, [input]);
  const { search } = props;
  const found = useAsync(() => search(text || undefined), [text]);
  const options = (found.value ?? []).filter(
    record => !props.exclude?.includes(record.id),
  );
  return (
    <Autocomplete<T>
      options={options}
      loading={found.loading}
      value={props.value}
      // The server matches the words; every option it returns is a match.
      filterOptions={all => all}
      onChange={(_event, record) => props.onChange(record)}
      onInputChange={(_event, value) => setInput(value)}
      getOptionLabel={record => `${record.number} ${record.title}`}
      getOptionSelected={(a, b) => a.id === b.id}
      noOptionsText={text ? `Nothing matches "${text}"` : 'Type to search'}
      renderInput={params => (
        <TextField
          {...params}
          id={fieldId(props.label)}
          size={props.size}
          variant="outlined"
          label={props.label}
          required={props.required}
          placeholder="Number or words"
        />
      )}
    />
  );
}

/** Picks an incident by number or words. */
export function IncidentPicker(props: {
  label: string;
  value: Incident | null;
  onChange: (incident: Incident | null) => void;
  exclude?: string[];
  size?: 'small' | 'medium';
  required?: boolean;
}) {
  const itsmApi = useApi(itsmApiRef);
  return (
    <RecordPicker<Incident>
      {...props}
      search={async text =>
        (await itsmApi.listIncidents({ text, limit: 20 })).items
      }
    />
  );
}

/** Picks a problem by number or words; only open ones unless told otherwise. */
export function ProblemPicker(props: {
  label: string;
  value: Problem | null;
  onChange: (problem: Problem | null) => void;
  exclude?: string[];
  size?: 'small' | 'medium';
  required?: boolean;
  anyStatus?: boolean;
}) {
  const itsmApi = useApi(itsmApiRef);
  const { anyStatus, ...rest } = props;
  return (
    <RecordPicker<Problem>
      {...rest}
      search={async text =>
        (
          await itsmApi.listProblems({
            status: anyStatus ? undefined : [...OPEN_PROBLEM_STATUSES],
            text,
            limit: 20,
          })
        ).items
      }
    />
  );
}
