import { formatIncidentNumber } from '@backstage-itsm/plugin-itsm-common';
import { SilentIncident } from '../../database/cadenceReminders';
import { Notice, entityName, recordLink, recordScope } from './notice';

/**
 * Reminds whoever works a P1 that it has had no public update for too long:
 * the assignee, or the owners of its entity while nobody is assigned.
 */
export function planCadenceReminder(options: {
  incident: SilentIncident;
  now: number;
}): Notice {
  const { incident, now } = options;
  const number = formatIncidentNumber(incident.number);
  const minutes = Math.floor((now - incident.silenceSince) / 60_000);
  return {
    key: `cadence:${incident.id}:${incident.silenceSince}`,
    kind: 'incident-cadence',
    recipients: [
      incident.assigneeRef ?? incident.ownerRef ?? incident.entityRef,
    ],
    title: `P1 ${number} on ${entityName(
      incident.entityRef,
    )} has had no public update for ${minutes} minutes`,
    description: `Post a public status update on ${number}: ${incident.title}`,
    link: recordLink('incident', number),
    severity: 'critical',
    scope: recordScope('incident', incident.id),
  };
}
