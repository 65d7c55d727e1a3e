import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { publicUpdateAudience } from '../../shared/publicUpdateAudience';
import { ChangeEvent } from './changeEvent';
import { Notice, entityName } from './notice';
import { recordNoticeBasics, uniqueRefs } from './recordNotice';

const ENDS = ['resolved', 'closed', 'cancelled'];

/**
 * The notices of one committed change to an incident: opened (owners and
 * the followers of its entity), assigned (the assignee), a public update
 * (owners, reporter, followers) and its end (reporter, followers). Internal
 * notes notify no one.
 */
export function planIncidentNotices(options: {
  incident: Incident;
  events: ChangeEvent[];
  /** Followers of the incident and of its entity. */
  followers: string[];
}): Notice[] {
  const { incident, events, followers } = options;
  const on = entityName(incident.entityRef);
  const { label, base } = recordNoticeBasics('incident', incident, events);
  const owner = incident.ownerRef ?? incident.entityRef;
  const notices: Notice[] = [];
  events.forEach((event, index) => {
    const key = `${index}:${event.kind}`;
    if (event.kind === 'created') {
      notices.push({
        ...base,
        key: `${key}:opened`,
        kind: 'incident-opened',
        recipients: uniqueRefs([owner, ...followers]),
        title: `${label} opened on ${on}: ${incident.title}`,
        description: incident.description,
      });
      if (incident.assigneeRef) {
        notices.push({
          ...base,
          key: `${key}:assigned`,
          kind: 'incident-assigned',
          recipients: [incident.assigneeRef],
          title: `${label} on ${on} is assigned to you: ${incident.title}`,
          description: incident.description,
        });
      }
    } else if (
      event.kind === 'field_changed' &&
      event.field === 'assigneeRef' &&
      event.newValue
    ) {
      notices.push({
        ...base,
        key,
        kind: 'incident-assigned',
        recipients: [event.newValue],
        title: `${label} on ${on} is assigned to you: ${incident.title}`,
        description: incident.description,
      });
    } else if (event.kind === 'status_update') {
      notices.push({
        ...base,
        key,
        kind: 'incident-update',
        recipients: publicUpdateAudience({ incident, followers }).map(
          member => member.entityRef,
        ),
        title: `Update on ${label} (${on}): ${incident.title}`,
        description: event.body ?? '',
      });
    } else if (
      event.kind === 'transition' &&
      event.newValue &&
      ENDS.includes(event.newValue)
    ) {
      notices.push({
        ...base,
        key,
        kind: 'incident-resolved',
        recipients: uniqueRefs([incident.reporterRef, ...followers]),
        title: `${label} on ${on} is ${event.newValue}: ${incident.title}`,
        description:
          incident.resolutionNotes ?? event.body ?? `Now ${event.newValue}.`,
      });
    }
  });
  return notices;
}
