import {
  PRIORITIES,
  WeeklyIncidents,
} from '@backstage-itsm/plugin-itsm-common';
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
import { formatWeek } from './formatDuration';
import { tooltipProps } from './tooltipStyle';

/** Incidents per week, stacked by priority. */
export function IncidentTrendChart(props: { weekly: WeeklyIncidents[] }) {
  const { weekly } = props;
  const colors = useChartColors();
  const data = weekly.map(week => ({
    week: formatWeek(week.weekStart),
    ...week.byPriority,
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
      </BarChart>
    </ChartFrame>
  );
}
