import { useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { errorMessage } from './errorMessage';
import { fieldId } from './fieldId';

/** A value a lifecycle move asks for: a choice from a list, or free text. */
export interface TransitionField {
  name: string;
  label: string;
  options?: { value: string; label: string }[];
  multiline?: boolean;
  required?: boolean;
}

/** Asks for what a lifecycle move requires, then performs it. */
export function TransitionDialog(props: {
  title: string;
  description: string;
  fields: TransitionField[];
  confirmLabel: string;
  onConfirm: (values: Record<string, string>) => Promise<unknown>;
  onClose: () => void;
}) {
  const { fields, onConfirm, onClose } = props;
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => setValues({}), [props.title]);
  const [state, confirm] = useAsyncFn(async () => {
    await onConfirm(values);
    onClose();
  }, [values, onConfirm, onClose]);
  const complete = fields.every(
    field => !field.required || (values[field.name] ?? '').trim() !== '',
  );

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{props.description}</DialogContentText>
        {fields.map(field => (
          <TextField
            id={fieldId(field.label)}
            key={field.name}
            select={!!field.options}
            label={field.label}
            required={field.required}
            multiline={field.multiline}
            minRows={field.multiline ? 3 : undefined}
            fullWidth
            margin="normal"
            variant="outlined"
            value={values[field.name] ?? ''}
            onChange={event =>
              setValues(prev => ({ ...prev, [field.name]: event.target.value }))
            }
          >
            {field.options?.map(option => (
              <MenuItem key={option.value} value={option.value}>
                {option.label}
              </MenuItem>
            ))}
          </TextField>
        ))}
        {state.error && (
          <Alert severity="error">{errorMessage(state.error)}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!complete || state.loading}
          onClick={() => confirm()}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Options of a select from a label map. */
export function optionsOf(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
