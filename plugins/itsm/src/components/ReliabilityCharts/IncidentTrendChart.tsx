import {
  DoraWeek,
  PRIORITIES,
  WeeklyIncidents,
} from '@backstage-itsm/plugin-itsm-common';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './ChartFrame';
import { useChartColors } from './chartColors';
import { formatWeek } from './formatDuration';
import { tooltipProps } from './tooltipStyle';

/** Incidents per week, stacked by priority, with the week's deploys as markers when known. */
export function IncidentTrendChart(props: {
  weekly: WeeklyIncidents[];
  deploys?: DoraWeek[];
}) {
  const { weekly } = props;
  const colors = useChartColors();
  const deploysOf = new Map(
    (props.deploys ?? []).map(week => [week.weekStart, week.deploys]),
  );
  const data = weekly.map(week => ({
    week: formatWeek(week.weekStart),
    ...week.byPriority,
    deploys: deploysOf.get(week.weekStart),
  }));
  const total = weekly.reduce((sum, week) => sum + week.total, 0);
  const summary = `Incidents per week: ${weekly
    .map(week => `${formatWeek(week.weekStart)} ${week.total}`)
    .join(', ')}`;
  return (
    <ChartFrame
      summary={summary}
      emptyText={total === 0 ? 'No incidents in this window.' : undefined}
    >
      <ComposedChart data={data}>
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
        {PRIORITIES.map(priority => (
          <Bar
            key={priority}
            dataKey={`p${priority}`}
            name={`P${priority}`}
            stackId="priority"
            fill={colors.priorities[`p${priority}`]}
            isAnimationActive={false}
          />
        ))}
        {props.deploys && (
          <Line
            dataKey="deploys"
            name="Deploys"
            yAxisId="deploys"
            stroke={colors.line}
            strokeWidth={0}
            dot={{ r: 5, fill: colors.line }}
            isAnimationActive={false}
          />
        )}
        {props.deploys && (
          <YAxis
            yAxisId="deploys"
            orientation="right"
            allowDecimals={false}
            stroke={colors.line}
            tick={{ fill: colors.text }}
          />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
