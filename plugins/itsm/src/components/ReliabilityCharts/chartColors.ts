import { Theme, useTheme } from '@material-ui/core/styles';

/** Colours of the charts, taken from the theme so they read in light and dark mode. */
export interface ChartColors {
  text: string;
  grid: string;
  tooltipBackground: string;
  priorities: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5', string>;
  before: string;
  after: string;
  line: string;
}

/** Chart colours of a theme. */
export function chartColorsOf(theme: Theme): ChartColors {
  const { palette } = theme;
  return {
    text: palette.text.secondary,
    grid: palette.divider,
    tooltipBackground: palette.background.paper,
    priorities: {
      p1: palette.error.main,
      p2: palette.warning.main,
      p3: palette.info.main,
      p4: palette.success.main,
      p5: palette.grey[500],
    },
    before: palette.grey[500],
    after: palette.primary.main,
    line: palette.secondary.main,
  };
}

/** The chart colours of the current theme. */
export function useChartColors(): ChartColors {
  return chartColorsOf(useTheme());
}
