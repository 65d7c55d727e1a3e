import { Incident, IncidentStatus } from '@backstage-itsm/plugin-itsm-common';
import { TransitionField, optionsOf } from '../shared/TransitionDialog';
import {
  HOLD_REASON_LABELS,
  INCIDENT_RESOLUTION_LABELS,
} from '../shared/labels';

/** Hold reasons the incident may take: awaiting a problem needs one linked. */
function holdReasonLabels(incident: Pick<Incident, 'problemId'>) {
  const { awaiting_problem: awaitingProblem, ...others } = HOLD_REASON_LABELS;
  return incident.problemId
    ? { awaiting_problem: awaitingProblem, ...others }
    : others;
}

/** What each incident move asks for, and how it is explained. */
export function incidentTransitionPrompt(
  to: IncidentStatus,
  incident: Pick<Incident, 'problemId'> & { id?: string },
): {
  description: string;
  fields: TransitionField[];
} {
  switch (to) {
    case 'on_hold':
      return {
        description:
          'An incident on hold waits for something outside the responders’ hands. Say what it waits for.',
        fields: [
          {
            name: 'holdReason',
            label: 'Waiting for',
            options: optionsOf(holdReasonLabels(incident)),
            required: true,
          },
        ],
      };
    case 'resolved':
      return {
        description:
          'Service is restored. Say how, so the next responder can do the same.',
        fields: [
          {
            name: 'resolutionCode',
            label: 'Resolution code',
            options: optionsOf(INCIDENT_RESOLUTION_LABELS),
            required: true,
          },
          {
            name: 'duplicateOf',
            label: 'Original incident',
            record: 'incident',
            required: true,
            exclude: incident.id ? [incident.id] : [],
            shownWhen: { name: 'resolutionCode', value: 'duplicate' },
          },
          {
            name: 'resolutionNotes',
            label: 'Resolution notes',
            multiline: true,
            required: true,
          },
        ],
      };
    case 'cancelled':
      return {
        description:
          'Cancel an incident logged by mistake. A cancelled incident cannot be reopened.',
        fields: [],
      };
    case 'closed':
      return {
        description:
          'Closing confirms the resolution with the reporter. A closed incident cannot be changed.',
        fields: [],
      };
    default:
      return { description: '', fields: [] };
  }
}
