import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { ChangeEvent } from './changeEvent';
import { Notice, entityName } from './notice';
import { recordNoticeBasics, uniqueRefs } from './recordNotice';

const TARGET_NAMES: Record<string, string> = {
  respond: 'time to respond',
  resolve: 'time to resolve',
};

/**
 * Warns the assignee and the owners of the incident's entity when a clock
 * reaches the warning share of its target and when it breaches. The SLA
 * task writes each such timeline row once, so each notice goes out once.
 */
export function planSlaNotices(options: {
  incident: Incident;
  events: ChangeEvent[];
}): Notice[] {
  const { incident, events } = options;
  const { label, base } = recordNoticeBasics('incident', incident, events);
  const recipients = uniqueRefs([
    incident.assigneeRef,
    incident.ownerRef ?? incident.entityRef,
  ]);
  const on = entityName(incident.entityRef);
  return events.flatMap((event, index): Notice[] => {
    if (
      event.kind !== 'sla' ||
      !event.field ||
      !TARGET_NAMES[event.field] ||
      (event.newValue !== 'warning' && event.newValue !== 'breached')
    ) {
      return [];
    }
    const target = TARGET_NAMES[event.field];
    const breached = event.newValue === 'breached';
    return [
      {
        ...base,
        key: `${index}:sla:${event.field}:${event.newValue}`,
        kind: breached ? 'incident-sla-breached' : 'incident-sla-warning',
        recipients,
        // The clock is nobody's action: tell everyone concerned.
        exclude: [],
        title: breached
          ? `${label} on ${on} breached its ${target} target: ${incident.title}`
          : `${label} on ${on} is close to its ${target} target: ${incident.title}`,
        description: event.body ?? '',
      },
    ];
  });
}
