import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';

/** A labelled read-only value in a details card. */
export function Field(props: {
  label: string;
  children: ReactNode;
  xs?: 6 | 12;
}) {
  return (
    <Grid item xs={props.xs ?? 6}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children ?? '—'}
      </Typography>
    </Grid>
  );
}
