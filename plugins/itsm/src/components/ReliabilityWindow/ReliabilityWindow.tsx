import { useState } from 'react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ReliabilityScope, ReliabilityView } from '../ReliabilityCharts';

const DAY = 24 * 60 * 60 * 1000;
const WINDOWS = [30, 90, 180, 365];

/** The reliability charts of a scope over a window the reader chooses. */
export function ReliabilityWindow(props: { scope: ReliabilityScope }) {
  const [days, setDays] = useState(90);
  // Rounded to the minute so that re-renders do not refetch.
  const [to] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  return (
    <>
      <Box mb={2}>
        <TextField
          id="itsm-reliability-window"
          select
          size="small"
          variant="outlined"
          label="Window"
          value={days}
          onChange={event => setDays(Number(event.target.value))}
        >
          {WINDOWS.map(d => (
            <MenuItem key={d} value={d}>
              Last {d} days
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <ReliabilityView scope={props.scope} from={to - days * DAY} to={to} />
    </>
  );
}
