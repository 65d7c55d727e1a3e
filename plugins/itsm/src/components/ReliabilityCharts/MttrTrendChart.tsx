import { WeeklyIncidents } from '@backstage-itsm/plugin-itsm-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './ChartFrame';
import { useChartColors } from './chartColors';
import { formatDuration, formatWeek } from './formatDuration';
import { tooltipProps } from './tooltipStyle';

const HOUR = 3_600_000;

/** Mean time to restore of each week's incidents, in hours. */
export function MttrTrendChart(props: { weekly: WeeklyIncidents[] }) {
  const { weekly } = props;
  const colors = useChartColors();
  const data = weekly.map(week => ({
    week: formatWeek(week.weekStart),
    hours:
      week.mttrMeanMs === null
        ? null
        : Math.round((week.mttrMeanMs / HOUR) * 10) / 10,
    mttrMeanMs: week.mttrMeanMs,
  }));
  const summary = `Mean time to restore per week: ${weekly
    .map(
      week =>
        `${formatWeek(week.weekStart)} ${formatDuration(week.mttrMeanMs)}`,
    )
    .join(', ')}`;
  const resolved = weekly.some(week => week.mttrMeanMs !== null);
  return (
    <ChartFrame
      summary={summary}
      emptyText={resolved ? undefined : 'No resolved incidents in this window.'}
    >
      <LineChart data={data}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis
          dataKey="week"
          stroke={colors.text}
          tick={{ fill: colors.text }}
        />
        <YAxis stroke={colors.text} tick={{ fill: colors.text }} unit="h" />
        <Tooltip
          {...tooltipProps(colors)}
          formatter={(_value, _name, item) => [
            formatDuration(item.payload.mttrMeanMs),
            'Mean time to restore',
          ]}
        />
        <Line
          type="monotone"
          dataKey="hours"
          name="Mean time to restore"
          stroke={colors.line}
          strokeWidth={2}
          dot={{ fill: colors.line }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
