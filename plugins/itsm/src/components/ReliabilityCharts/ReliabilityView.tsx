import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { AnalysisQuery } from '@backstage-itsm/plugin-itsm-common';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { formatDate } from '../shared/formatTime';
import { BlastRadiusList } from './BlastRadiusList';
import { DoraFiguresCard } from './DoraFiguresCard';
import { FixEffectChart } from './FixEffectChart';
import { IncidentTrendChart } from './IncidentTrendChart';
import { KeyFigures } from './KeyFigures';
import { MttrTrendChart } from './MttrTrendChart';
import { ProblemAgingChart } from './ProblemAgingChart';
import { SlaChart } from '../SlaChart';
import { useRecordLinks } from '../shared/useRecordLinks';

/** Whose reliability to show: one entity, an owner's entities, a system's parts, or (empty) everything. */
export type ReliabilityScope = Pick<
  AnalysisQuery,
  'entityRef' | 'ownerRef' | 'systemRef'
>;

/** Reliability analysis of a scope: key figures, trends, fixes and problem aging. */
export function ReliabilityView(props: {
  scope: ReliabilityScope;
  /** Window start, epoch ms or ISO 8601; the backend defaults to 90 days before `to`. */
  from?: string | number;
  /** Window end; the backend defaults to now. */
  to?: string | number;
}) {
  const { scope, from, to } = props;
  const api = useApi(itsmApiRef);
  const links = useRecordLinks();
  const { entityRef, ownerRef, systemRef } = scope;
  const { value, loading, error } = useAsync(
    () => api.getAnalysis({ entityRef, ownerRef, systemRef, from, to }),
    [api, entityRef, ownerRef, systemRef, from, to],
  );
  // DORA figures need itsm.change.read; without it the tab shows the rest.
  const dora = useAsync(
    () =>
      api
        .getDoraFigures({ entityRef, ownerRef, systemRef, from, to })
        .catch(() => undefined),
    [api, entityRef, ownerRef, systemRef, from, to],
  );

  if (loading || dora.loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }
  const nothing =
    !dora.value?.deploys &&
    value.incidents.total === 0 &&
    value.openProblems.total === 0 &&
    value.fixEffects.length === 0 &&
    value.rootedHere.length === 0;
  if (nothing) {
    return (
      <EmptyState
        missing="data"
        title="No incidents or problems in this window"
        description="Reliability figures appear once incidents are logged."
      />
    );
  }
  const windowText = `${formatDate(value.window.from)} to ${formatDate(
    value.window.to,
  )}`;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Reliability" subheader={windowText}>
          <KeyFigures analysis={value} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Incident trend"
          subheader="Incidents per week by priority; dots mark the week's deploys"
        >
          <IncidentTrendChart
            weekly={value.incidents.weekly}
            deploys={dora.value?.weekly}
          />
        </InfoCard>
      </Grid>
      {dora.value && (
        <Grid item xs={12}>
          <DoraFiguresCard dora={dora.value} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <InfoCard title="MTTR trend" subheader="Mean time to restore per week">
          <MttrTrendChart weekly={value.incidents.weekly} />
        </InfoCard>
      </Grid>
      {value.sla && (
        <Grid item xs={12}>
          <InfoCard
            title="Service levels"
            subheader="Share of SLA targets met per week, by priority, and the latest breaches"
          >
            <SlaChart sla={value.sla} incidentLink={links.incident} />
          </InfoCard>
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Before and after fixes"
          subheader="Incidents per week that each fix should have prevented, 28 days either side"
        >
          <FixEffectChart fixEffects={value.fixEffects} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Problem aging" subheader="Open problems by days open">
          <ProblemAgingChart problems={value.openProblems.items} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Problems rooted here"
          subheader="And the entities they hurt"
        >
          <BlastRadiusList
            items={value.rootedHere}
            emptyText="No problem is rooted here."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Problems rooted elsewhere"
          subheader="That hurt this scope"
        >
          <BlastRadiusList
            items={value.rootedElsewhere}
            emptyText="No problem rooted elsewhere hurts this scope."
            showRoot
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
