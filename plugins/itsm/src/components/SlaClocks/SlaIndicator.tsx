import { Incident, SLA_TARGETS } from '@backstage-itsm/plugin-itsm-common';
import Chip from '@material-ui/core/Chip';
import { isOverdue, slaClockText } from './slaClockText';

/**
 * The SLA state of an incident in a list: breached (or overdue), else the
 * clock due soonest, paused, or met.
 */
export function SlaIndicator(props: { incident: Incident; now?: number }) {
  const { sla } = props.incident;
  const now = props.now ?? Date.now();
  if (!sla) {
    return null;
  }
  const clocks = SLA_TARGETS.flatMap(target =>
    sla[target] ? [sla[target]!] : [],
  );
  if (clocks.some(clock => isOverdue(clock, now))) {
    return (
      <Chip
        size="small"
        label="SLA breached"
        style={{ backgroundColor: '#c62828', color: '#fff' }}
      />
    );
  }
  const next = clocks
    .filter(clock => clock.status === 'running' && clock.dueAt)
    .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!))[0];
  if (next) {
    return (
      <Chip size="small" variant="outlined" label={slaClockText(next, now)} />
    );
  }
  if (clocks.some(clock => clock.status === 'paused')) {
    return <Chip size="small" variant="outlined" label="SLA paused" />;
  }
  return clocks.every(clock => clock.status === 'met') ? (
    <Chip size="small" variant="outlined" label="SLA met" />
  ) : null;
}
