import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { ProblemStatusScope, ProblemStatusToggle } from './ProblemStatusToggle';

/**
 * Above a searchable problem list: the open/all switch, the search box, and
 * `children` (an action) at the far end.
 */
export function ProblemsToolbar(props: {
  status: ProblemStatusScope;
  onStatusChange: (value: ProblemStatusScope) => void;
  searchId: string;
  search: string;
  onSearchChange: (value: string) => void;
  children?: ReactNode;
}) {
  const { status, onStatusChange, searchId, search, onSearchChange } = props;
  return (
    <Box display="flex" gridGap={16} mb={2} alignItems="center">
      <ProblemStatusToggle value={status} onChange={onStatusChange} />
      <TextField
        id={searchId}
        size="small"
        variant="outlined"
        type="search"
        label="Search words or number"
        value={search}
        onChange={event => onSearchChange(event.target.value)}
      />
      <Box flex={1} />
      {props.children}
    </Box>
  );
}
