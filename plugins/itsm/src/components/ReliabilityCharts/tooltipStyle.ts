import { ChartColors } from './chartColors';

/** Tooltip styles that follow the theme instead of recharts' white box. */
export function tooltipProps(colors: ChartColors) {
  return {
    contentStyle: {
      backgroundColor: colors.tooltipBackground,
      borderColor: colors.grid,
      color: colors.text,
    },
    labelStyle: { color: colors.text },
    itemStyle: { color: colors.text },
    cursor: { fill: colors.grid },
  };
}
