import { useState } from 'react';
import { Incident, Problem } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import { IncidentPicker, ProblemPicker } from './RecordPicker';
import type { TransitionField } from './TransitionDialog';

/** A transition field that names a record: picked by words, sent as its number. */
export function RecordField(props: {
  field: TransitionField;
  onChange: (number: string) => void;
}) {
  const { field, onChange } = props;
  const [incident, setIncident] = useState<Incident | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  return (
    <Box my={2}>
      {field.record === 'incident' ? (
        <IncidentPicker
          label={field.label}
          required={field.required}
          exclude={field.exclude}
          value={incident}
          onChange={picked => {
            setIncident(picked);
            onChange(picked?.number ?? '');
          }}
        />
      ) : (
        <ProblemPicker
          label={field.label}
          required={field.required}
          exclude={field.exclude}
          anyStatus
          value={problem}
          onChange={picked => {
            setProblem(picked);
            onChange(picked?.number ?? '');
          }}
        />
      )}
    </Box>
  );
}
