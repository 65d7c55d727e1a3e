import { FixEffect } from '@backstage-itsm/plugin-itsm-common';
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
import { tooltipProps } from './tooltipStyle';

function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** Incidents per week on each fixed problem's affected entities, before and after the fix. */
export function FixEffectChart(props: { fixEffects: FixEffect[] }) {
  const { fixEffects } = props;
  const colors = useChartColors();
  const data = fixEffects.map(effect => ({
    problem: effect.problem.number,
    before: rounded(effect.before.perWeek),
    after: rounded(effect.after.perWeek),
  }));
  const summary = `Incidents per week before and after each fix: ${data
    .map(d => `${d.problem} ${d.before ?? '–'} before, ${d.after ?? '–'} after`)
    .join('; ')}`;
  return (
    <ChartFrame
      summary={summary}
      emptyText={
        fixEffects.length === 0
          ? 'No problem was fixed in this window.'
          : undefined
      }
    >
      <BarChart data={data}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis
          dataKey="problem"
          stroke={colors.text}
          tick={{ fill: colors.text }}
        />
        <YAxis stroke={colors.text} tick={{ fill: colors.text }} />
        <Tooltip {...tooltipProps(colors)} />
        <Legend wrapperStyle={{ color: colors.text }} />
        <Bar
          dataKey="before"
          name="Before the fix (per week)"
          fill={colors.before}
          isAnimationActive={false}
        />
        <Bar
          dataKey="after"
          name="After the fix (per week)"
          fill={colors.after}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}
