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
import Typography from '@material-ui/core/Typography';
import { ChartFrame } from './ChartFrame';
import { useChartColors } from './chartColors';
import { tooltipProps } from './tooltipStyle';

function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** The measure, in words: what counts as an incident the fix should have prevented. */
export const FIX_EFFECT_DEFINITION =
  "Counted on the entities each problem hurts (all of them when it is rooted here, else this scope's): incidents linked to the problem, or of its category and linked to no problem; cancelled ones left out.";

/** Incidents per week that each fixed problem explains, before and after the fix. */
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
    <>
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
      {fixEffects.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          {FIX_EFFECT_DEFINITION}
        </Typography>
      )}
    </>
  );
}
