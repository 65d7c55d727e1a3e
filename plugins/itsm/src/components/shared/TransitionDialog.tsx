import { useEffect, useState } from 'react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { RecordField } from './RecordField';
import { fieldId } from './fieldId';
import { DialogActionsBar } from './DialogActionsBar';
import { DialogErrorAlert } from './DialogErrorAlert';

/** A value a lifecycle move asks for: a choice from a list, or free text. */
export interface TransitionField {
  name: string;
  label: string;
  options?: { value: string; label: string }[];
  multiline?: boolean;
  required?: boolean;
  /** Picks a record by number or words instead of taking free text. */
  record?: 'incident' | 'problem';
  /** Ids of records the picker leaves out, such as the record itself. */
  exclude?: string[];
  /** Shown, and sent, only while another field has this value. */
  shownWhen?: { name: string; value: string };
}

function isShown(field: TransitionField, values: Record<string, string>) {
  return (
    !field.shownWhen || values[field.shownWhen.name] === field.shownWhen.value
  );
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
  const shown = fields.filter(field => isShown(field, values));
  const [state, confirm] = useAsyncFn(async () => {
    await onConfirm(
      Object.fromEntries(
        shown
          .filter(field => values[field.name] !== undefined)
          .map(field => [field.name, values[field.name]]),
      ),
    );
    onClose();
  }, [values, onConfirm, onClose]);
  const complete = shown.every(
    field => !field.required || (values[field.name] ?? '').trim() !== '',
  );
  const setValue = (name: string, value: string) =>
    setValues(prev => ({ ...prev, [name]: value }));

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{props.description}</DialogContentText>
        {shown.map(field =>
          field.record ? (
            <RecordField
              key={field.name}
              field={field}
              onChange={value => setValue(field.name, value)}
            />
          ) : (
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
              onChange={event => setValue(field.name, event.target.value)}
            >
              {field.options?.map(option => (
                <MenuItem key={option.value} value={option.value}>
                  {option.label}
                </MenuItem>
              ))}
            </TextField>
          ),
        )}
        <DialogErrorAlert error={state.error} />
      </DialogContent>
      <DialogActionsBar
        onCancel={onClose}
        onConfirm={confirm}
        disabled={!complete || state.loading}
      >
        {props.confirmLabel}
      </DialogActionsBar>
    </Dialog>
  );
}

/** Options of a select from a label map. */
export function optionsOf(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
