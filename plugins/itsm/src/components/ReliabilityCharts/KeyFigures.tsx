import { ReliabilityAnalysis } from '@backstage-itsm/plugin-itsm-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { KNOWN_ERRORS_IN_EFFECT } from '../shared/knownErrorsInEffect';
import { formatDuration } from './formatDuration';

function Figure(props: { label: string; value: string; detail?: string }) {
  return (
    <Grid item xs={6} sm={4} md={3}>
      <Typography variant="body2" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="h5" color="textPrimary">
        {props.value}
      </Typography>
      {props.detail && (
        <Typography variant="caption" color="textSecondary">
          {props.detail}
        </Typography>
      )}
    </Grid>
  );
}

/** The headline numbers of an analysis. */
export function KeyFigures(props: { analysis: ReliabilityAnalysis }) {
  const { incidents, mtta, mttr, mtbfMs, repeat } = props.analysis;
  const { openProblems, knownErrors, actionItems } = props.analysis;
  const percentiles = (stats: typeof mtta.overall) =>
    `median ${formatDuration(stats.medianMs)} · p90 ${formatDuration(
      stats.p90Ms,
    )}`;
  const topCategory = incidents.topCategories[0];
  return (
    <Grid container spacing={2}>
      <Figure
        label="Incidents"
        value={String(incidents.total)}
        detail={
          topCategory
            ? `most often ${topCategory.category} (${topCategory.count})`
            : undefined
        }
      />
      <Figure
        label="MTTA (mean)"
        value={formatDuration(mtta.overall.meanMs)}
        detail={percentiles(mtta.overall)}
      />
      <Figure
        label="MTTR (mean)"
        value={formatDuration(mttr.overall.meanMs)}
        detail={percentiles(mttr.overall)}
      />
      <Figure label="MTBF" value={formatDuration(mtbfMs)} />
      <Figure
        label="Repeat rate"
        value={
          repeat.rate === null ? '–' : `${Math.round(repeat.rate * 1000) / 10}%`
        }
        detail={`${repeat.incidents} of ${repeat.total} incidents`}
      />
      <Figure label="Open problems" value={String(openProblems.total)} />
      <Figure
        label={KNOWN_ERRORS_IN_EFFECT.label}
        value={String(knownErrors.total)}
        detail={KNOWN_ERRORS_IN_EFFECT.hint}
      />
      <Figure
        label="Action items"
        value={`${actionItems.open} open`}
        detail={`${actionItems.overdue} overdue`}
      />
    </Grid>
  );
}
