import { ReactNode } from 'react';
import { Priority } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { PriorityChip } from './PriorityChip';

/** Number, title, priority and status of a record, with its actions. */
export function RecordHeader(props: {
  number: string;
  title: string;
  priority: Priority;
  status: string;
  badges?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Box mb={2}>
      <Box display="flex" alignItems="center" gridGap={12} flexWrap="wrap">
        <Typography variant="h4" component="h2">
          {props.number} · {props.title}
        </Typography>
        <PriorityChip priority={props.priority} />
        <Chip size="small" variant="outlined" label={props.status} />
        {props.badges}
      </Box>
      {props.actions && <Box mt={2}>{props.actions}</Box>}
    </Box>
  );
}
