import { Priority } from '@backstage-itsm/plugin-itsm-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { priorityText } from './labels';

const useStyles = makeStyles(theme => ({
  p1: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  p2: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  p3: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
}));

/** A priority as a coloured chip: red for P1, amber for P2, blue for P3. */
export function PriorityChip(props: { priority: Priority }) {
  const classes = useStyles();
  const className = (
    { 1: classes.p1, 2: classes.p2, 3: classes.p3 } as Record<number, string>
  )[props.priority];
  return (
    <Chip
      size="small"
      className={className}
      label={priorityText(props.priority)}
    />
  );
}
