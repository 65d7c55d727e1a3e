import { InfoCard } from '@backstage/core-components';
import {
  Incident,
  IncidentSlaClock,
  SlaTarget,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { formatDuration } from '../ReliabilityCharts/formatDuration';
import { formatTime } from '../shared/formatTime';
import { isOverdue, slaClockText } from './slaClockText';

const TARGET_LABELS: Record<SlaTarget, string> = {
  respond: 'Time to respond',
  resolve: 'Time to resolve',
};

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Clock(props: {
  target: SlaTarget;
  clock: IncidentSlaClock | null;
  stopped: boolean;
  now: number;
}) {
  const { target, clock, stopped, now } = props;
  const label = TARGET_LABELS[target];
  if (!clock) {
    return (
      <Grid item xs={12} sm={6}>
        <Typography variant="subtitle2">{label}</Typography>
        <Typography color="textSecondary">No target</Typography>
      </Grid>
    );
  }
  const overdue = isOverdue(clock, now);
  return (
    <Grid item xs={12} sm={6} data-testid={`sla-${target}`}>
      <Typography variant="subtitle2">
        {label} · target {formatDuration(clock.targetMs)}
      </Typography>
      <Typography
        variant="h6"
        style={{ fontWeight: overdue ? 700 : undefined }}
        color={overdue ? 'error' : 'textPrimary'}
      >
        {slaClockText(clock, now, stopped)}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {clock.dueAt
          ? `Due ${formatTime(clock.dueAt)}`
          : 'No due time while paused'}
        {clock.pausedMs > 0 && ` · paused ${formatDuration(clock.pausedMs)}`}
      </Typography>
    </Grid>
  );
}

/** Both SLA clocks of an incident; nothing when its priority has no targets. */
export function SlaClocks(props: { incident: Incident }) {
  const { incident } = props;
  const { sla } = incident;
  const now = useNow(30_000);
  if (!sla) {
    return null;
  }
  return (
    <InfoCard
      title="Service level"
      subheader={`P${sla.priority} targets, ${
        sla.calendar ? `counted in the ${sla.calendar} calendar` : '24x7'
      }`}
    >
      <Box>
        <Grid container spacing={2}>
          <Clock
            target="respond"
            clock={sla.respond}
            stopped={incident.acknowledgedAt !== null}
            now={now}
          />
          <Clock
            target="resolve"
            clock={sla.resolve}
            stopped={
              incident.resolvedAt !== null || incident.status === 'cancelled'
            }
            now={now}
          />
        </Grid>
      </Box>
    </InfoCard>
  );
}
