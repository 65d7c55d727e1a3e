import { ReactNode, useState } from 'react';
import { Priority } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import EditIcon from '@material-ui/icons/Edit';
import { PriorityChip } from './PriorityChip';
import { TitleEditor } from './TitleEditor';

/** Number, title, priority and status of a record, with its actions; `onEditTitle` makes the title editable. */
export function RecordHeader(props: {
  number: string;
  title: string;
  priority: Priority;
  status: string;
  badges?: ReactNode;
  actions?: ReactNode;
  onEditTitle?: (title: string) => Promise<unknown>;
}) {
  const { onEditTitle } = props;
  const [editing, setEditing] = useState(false);
  return (
    <Box mb={2}>
      <Box display="flex" alignItems="center" gridGap={12} flexWrap="wrap">
        {editing && onEditTitle ? (
          <TitleEditor
            title={props.title}
            onSave={onEditTitle}
            onClose={() => setEditing(false)}
          />
        ) : (
          <Typography variant="h4" component="h2">
            {props.number} · {props.title}
            {onEditTitle && (
              <IconButton
                size="small"
                aria-label="Edit title"
                onClick={() => setEditing(true)}
              >
                <EditIcon fontSize="small" />
              </IconButton>
            )}
          </Typography>
        )}
        <PriorityChip priority={props.priority} />
        <Chip size="small" variant="outlined" label={props.status} />
        {props.badges}
      </Box>
      {props.actions && <Box mt={2}>{props.actions}</Box>}
    </Box>
  );
}
