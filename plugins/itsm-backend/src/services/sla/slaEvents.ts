import { SlaTarget } from '@backstage-itsm/plugin-itsm-common';
import { NewTimelineEvent } from '../../database/timeline';

/** The actor of the timeline rows the clocks write themselves. */
export const SLA_ACTOR_REF = 'service:itsm-sla';

/** What an `sla` timeline row says happened to the clocks. */
export type SlaEventKind = 'retargeted' | 'warning' | 'breached';

/**
 * The timeline row of a clock event: `field` is the target (or `priority`
 * for new targets), `newValue` what happened.
 */
export function slaEvent(options: {
  incidentId: string;
  target?: SlaTarget;
  kind: SlaEventKind;
  body: string;
}): NewTimelineEvent {
  return {
    recordType: 'incident',
    recordId: options.incidentId,
    kind: 'sla',
    actorRef: SLA_ACTOR_REF,
    field: options.target ?? 'priority',
    newValue: options.kind,
    body: options.body,
  };
}
