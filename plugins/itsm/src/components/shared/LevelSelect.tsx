import { IMPACTS, Impact } from '@backstage-itsm/plugin-itsm-common';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { LEVEL_LABELS } from './labels';
import { fieldId } from './fieldId';

/** Picks an impact or urgency level: high, medium or low. */
export function LevelSelect(props: {
  label: string;
  value: Impact;
  onChange: (value: Impact) => void;
  helperText?: string;
}) {
  return (
    <TextField
      id={fieldId(props.label)}
      select
      fullWidth
      variant="outlined"
      label={props.label}
      value={props.value}
      helperText={props.helperText}
      onChange={event => props.onChange(Number(event.target.value) as Impact)}
    >
      {IMPACTS.map(level => (
        <MenuItem key={level} value={level}>
          {LEVEL_LABELS[level]}
        </MenuItem>
      ))}
    </TextField>
  );
}
