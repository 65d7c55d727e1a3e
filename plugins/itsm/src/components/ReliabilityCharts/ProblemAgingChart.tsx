import { AgedProblem } from '@backstage-itsm/plugin-itsm-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './ChartFrame';
import { useChartColors } from './chartColors';
import { formatDuration } from './formatDuration';
import { tooltipProps } from './tooltipStyle';

const DAY = 86_400_000;
// Room per bar for its label, and for the axis below the bars.
const BAR_HEIGHT = 28;
const AXIS_HEIGHT = 48;

/** How long each open problem has been open, in days, coloured by priority. */
export function ProblemAgingChart(props: { problems: AgedProblem[] }) {
  const { problems } = props;
  const colors = useChartColors();
  const data = problems.map(problem => ({
    problem: problem.number,
    days: Math.round((problem.ageMs / DAY) * 10) / 10,
    ageMs: problem.ageMs,
    title: problem.title,
    fill: colors.priorities[`p${problem.priority}`],
  }));
  const summary = `Open problems by age: ${problems
    .map(p => `${p.number} ${formatDuration(p.ageMs)}`)
    .join(', ')}`;
  return (
    <ChartFrame
      summary={summary}
      emptyText={problems.length === 0 ? 'No open problems.' : undefined}
      height={Math.max(260, problems.length * BAR_HEIGHT + AXIS_HEIGHT)}
    >
      <BarChart data={data} layout="vertical">
        <CartesianGrid stroke={colors.grid} horizontal={false} />
        <XAxis
          type="number"
          stroke={colors.text}
          tick={{ fill: colors.text }}
          unit="d"
        />
        <YAxis
          type="category"
          dataKey="problem"
          width={96}
          interval={0}
          stroke={colors.text}
          tick={{ fill: colors.text }}
        />
        <Tooltip
          {...tooltipProps(colors)}
          formatter={(_value, _name, item) => [
            formatDuration(item.payload.ageMs),
            item.payload.title,
          ]}
        />
        <Bar dataKey="days" name="Age" isAnimationActive={false}>
          {data.map(entry => (
            <Cell key={entry.problem} fill={entry.fill} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
