import { ComponentState } from '@backstage-itsm/plugin-itsm-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import RemoveCircleIcon from '@material-ui/icons/RemoveCircle';
import WarningIcon from '@material-ui/icons/Warning';

/** What each state reads as: the colour is never the only sign. */
export const STATE_LABELS: Record<ComponentState, string> = {
  operational: 'Operational',
  degraded: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

const ICONS: Record<ComponentState, typeof CheckCircleIcon> = {
  operational: CheckCircleIcon,
  degraded: RemoveCircleIcon,
  partial_outage: WarningIcon,
  major_outage: ErrorIcon,
};

const useStyles = makeStyles(theme => ({
  operational: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  degraded: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  partial_outage: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  major_outage: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  icon: { color: 'inherit' },
}));

/** A component or system state as a chip with colour, icon and text. */
export function StateChip(props: { state: ComponentState }) {
  const classes = useStyles();
  const Icon = ICONS[props.state];
  return (
    <Chip
      size="small"
      className={classes[props.state]}
      icon={<Icon className={classes.icon} />}
      label={STATE_LABELS[props.state]}
    />
  );
}
