import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';

/** Which problems a list shows: the open ones or all. */
export type ProblemStatusScope = 'open' | 'all';

/** Switches a problem list between its open problems and all of them. */
export function ProblemStatusToggle(props: {
  value: ProblemStatusScope;
  onChange: (value: ProblemStatusScope) => void;
}) {
  const { value, onChange } = props;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      aria-label="Problem status filter"
      onChange={(_event: unknown, next: ProblemStatusScope | null) =>
        next && onChange(next)
      }
    >
      <ToggleButton value="open">Open</ToggleButton>
      <ToggleButton value="all">All</ToggleButton>
    </ToggleButtonGroup>
  );
}
