import Grid from '@material-ui/core/Grid';
import { AssigneePicker } from '../shared/AssigneePicker';
import { CategorySelect } from './CategorySelect';

/** A record form's category and assignee, side by side on wide screens. */
export function CategoryAssigneeFields(props: {
  category: string;
  onCategoryChange: (value: string) => void;
  assigneeRef: string | null;
  onAssigneeChange: (value: string | null) => void;
}) {
  return (
    <>
      <Grid item xs={12} sm={6}>
        <CategorySelect
          value={props.category}
          onChange={props.onCategoryChange}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <AssigneePicker
          value={props.assigneeRef}
          onChange={props.onAssigneeChange}
        />
      </Grid>
    </>
  );
}
