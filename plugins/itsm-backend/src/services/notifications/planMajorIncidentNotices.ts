import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { ChangeEvent } from './changeEvent';
import { Notice, entityName } from './notice';
import { recordNoticeBasics, uniqueRefs } from './recordNotice';

const ROLE_NAMES: Record<string, string> = {
  commanderRef: 'incident commander',
  communicationsLeadRef: 'communications lead',
};

/**
 * The notices of a major incident: its declaration (owners, followers and
 * the role holders) and each role given to someone (that person).
 */
export function planMajorIncidentNotices(options: {
  incident: Incident;
  events: ChangeEvent[];
  /** Followers of the incident and of its entity. */
  followers: string[];
}): Notice[] {
  const { incident, events, followers } = options;
  const on = entityName(incident.entityRef);
  const { label, base } = recordNoticeBasics('incident', incident, events);
  const notices: Notice[] = [];
  events.forEach((event, index) => {
    if (event.kind !== 'field_changed') {
      return;
    }
    const key = `${index}:major`;
    if (event.field === 'declaredAt' && event.newValue) {
      notices.push({
        ...base,
        key,
        kind: 'incident-major-declared',
        recipients: uniqueRefs([
          incident.ownerRef ?? incident.entityRef,
          incident.commanderRef,
          incident.communicationsLeadRef,
          ...followers,
        ]),
        title: `${label} on ${on} is declared a major incident: ${incident.title}`,
        description: [
          incident.commanderRef &&
            `Incident commander: ${entityName(incident.commanderRef)}.`,
          incident.communicationsLeadRef &&
            `Communications lead: ${entityName(
              incident.communicationsLeadRef,
            )}.`,
        ]
          .filter(Boolean)
          .join(' '),
      });
    }
    const role = event.field ? ROLE_NAMES[event.field] : undefined;
    if (role && event.newValue) {
      notices.push({
        ...base,
        key,
        kind: 'incident-role-assigned',
        recipients: [event.newValue],
        title: `You are ${role} of ${label} on ${on}: ${incident.title}`,
        description: incident.description,
      });
    }
  });
  return notices;
}
