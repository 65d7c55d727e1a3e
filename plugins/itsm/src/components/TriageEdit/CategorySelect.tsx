import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useCategories } from '../shared/useItsmConfig';

/** Picks a category from `itsm.categories`, keeping a record's former one. */
export function CategorySelect(props: {
  value: string;
  onChange: (value: string) => void;
}) {
  const configured = useCategories();
  const categories =
    props.value && !configured.includes(props.value)
      ? [props.value, ...configured]
      : configured;
  return (
    <TextField
      id="itsm-edit-category"
      select
      label="Category"
      fullWidth
      variant="outlined"
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
    >
      {categories.map(c => (
        <MenuItem key={c} value={c}>
          {c}
        </MenuItem>
      ))}
    </TextField>
  );
}
