import TextField from '@material-ui/core/TextField';

/** A required outlined text field of a record form; `minRows` makes it prose. */
export function RequiredTextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  minRows?: number;
  helperText?: string;
}) {
  const { id, label, value, onChange, minRows, helperText } = props;
  return (
    <TextField
      id={id}
      label={label}
      required
      fullWidth
      variant="outlined"
      {...(minRows ? { multiline: true, minRows } : {})}
      value={value}
      onChange={event => onChange(event.target.value)}
      helperText={helperText}
    />
  );
}
