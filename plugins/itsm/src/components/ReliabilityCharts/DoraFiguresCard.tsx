import { InfoCard } from '@backstage/core-components';
import { DoraFigures } from '@backstage-itsm/plugin-itsm-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './ChartFrame';
import { useChartColors } from './chartColors';
import { formatDuration, formatWeek } from './formatDuration';
import { tooltipProps } from './tooltipStyle';

function Figure(props: { label: string; value: string; detail: string }) {
  return (
    <Grid item xs={12} sm={4}>
      <Typography variant="body2" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="h5" color="textPrimary">
        {props.value}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {props.detail}
      </Typography>
    </Grid>
  );
}

/** Deploys per week, the failed ones apart. */
function DeployChart(props: { dora: DoraFigures }) {
  const { weekly } = props.dora;
  const colors = useChartColors();
  const data = weekly.map(week => ({
    week: formatWeek(week.weekStart),
    succeeded: week.deploys - week.failedDeploys,
    failed: week.failedDeploys,
  }));
  const summary = `Deploys per week: ${weekly
    .map(
      week =>
        `${formatWeek(week.weekStart)} ${week.deploys} (${
          week.failedDeploys
        } failed)`,
    )
    .join(', ')}`;
  return (
    <ChartFrame
      summary={summary}
      height={220}
      emptyText={
        props.dora.deploys === 0 ? 'No deploys in this window.' : undefined
      }
    >
      <BarChart data={data}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis
          dataKey="week"
          stroke={colors.text}
          tick={{ fill: colors.text }}
        />
        <YAxis
          allowDecimals={false}
          stroke={colors.text}
          tick={{ fill: colors.text }}
        />
        <Tooltip {...tooltipProps(colors)} />
        <Legend wrapperStyle={{ color: colors.text }} />
        <Bar
          dataKey="succeeded"
          name="Deploys"
          stackId="d"
          fill={colors.after}
          isAnimationActive={false}
        />
        <Bar
          dataKey="failed"
          name="Failed deploys"
          stackId="d"
          fill={colors.priorities.p1}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}

/** The DORA figures of a scope: deployment frequency, change failure rate, time to restore. */
export function DoraFiguresCard(props: { dora: DoraFigures }) {
  const { dora } = props;
  const rate =
    dora.changeFailureRate === null
      ? '–'
      : `${Math.round(dora.changeFailureRate * 1000) / 10}%`;
  return (
    <InfoCard
      title="DORA"
      subheader="Deploys per week, the share followed by an incident, and time to restore"
    >
      <Grid container spacing={2}>
        <Figure
          label="Deployment frequency"
          value={`${dora.deploysPerWeek} / week`}
          detail={`${dora.deploys} deploys`}
        />
        <Figure
          label="Change failure rate"
          value={rate}
          detail={`${
            dora.failedDeploys
          } followed by an incident within ${formatDuration(
            dora.failureWindowMs,
          )}`}
        />
        <Figure
          label="Time to restore (mean)"
          value={formatDuration(dora.timeToRestoreMeanMs)}
          detail={`${dora.resolvedIncidents} resolved incidents`}
        />
      </Grid>
      <DeployChart dora={dora} />
    </InfoCard>
  );
}
