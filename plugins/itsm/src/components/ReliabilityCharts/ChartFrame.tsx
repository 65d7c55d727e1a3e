import Typography from '@material-ui/core/Typography';
import { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/** Sizes a chart to its card and describes it for screen readers. */
export function ChartFrame(props: {
  /** What the chart shows, in words: read by screen readers instead of the drawing. */
  summary: string;
  /** Shown instead of the chart when there is nothing to draw. */
  emptyText?: string;
  height?: number;
  children: ReactElement;
}) {
  const { summary, emptyText, height = 260, children } = props;
  if (emptyText) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <div role="img" aria-label={summary} style={{ width: '100%', height }}>
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 600, height }}
      >
        {children}
      </ResponsiveContainer>
    </div>
  );
}
