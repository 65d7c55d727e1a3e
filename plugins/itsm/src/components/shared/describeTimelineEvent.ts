import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  INCIDENT_STATUSES,
  IncidentStatus,
  PROBLEM_STATUSES,
  Priority,
  ProblemStatus,
  TimelineEvent,
} from '@backstage-itsm/plugin-itsm-common';
import {
  INCIDENT_STATUS_LABELS,
  LEVEL_LABELS,
  PROBLEM_STATUS_LABELS,
  priorityText,
} from './labels';

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  statement: 'Statement',
  entityRef: 'Entity',
  ownerRef: 'Owner',
  category: 'Category',
  impact: 'Impact',
  urgency: 'Urgency',
  priority: 'Priority',
  major: 'Major',
  assigneeRef: 'Assignee',
  workaround: 'Workaround',
  rootCause: 'Root cause',
  rcaMethod: 'RCA method',
  permanentFix: 'Permanent fix',
  symptoms: 'Symptoms',
  affectedEntityRefs: 'Affected entities',
};

function entityName(ref: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'user' });
  } catch {
    return ref;
  }
}

function valueText(field: string | null, value: string | null): string {
  if (value === null || value === '') {
    return 'nothing';
  }
  if (field === 'impact' || field === 'urgency') {
    return LEVEL_LABELS[Number(value) as 1 | 2 | 3] ?? value;
  }
  if (field === 'priority') {
    return priorityText(Number(value) as Priority);
  }
  if (field?.endsWith('Ref')) {
    return entityName(value);
  }
  return value;
}

function statusText(
  recordType: TimelineEvent['recordType'],
  status: string | null,
): string {
  if (recordType === 'incident') {
    return INCIDENT_STATUSES.includes(status as IncidentStatus)
      ? INCIDENT_STATUS_LABELS[status as IncidentStatus]
      : status ?? '';
  }
  return PROBLEM_STATUSES.includes(status as ProblemStatus)
    ? PROBLEM_STATUS_LABELS[status as ProblemStatus]
    : status ?? '';
}

/** One line telling what a timeline event records, in the words of the UI. */
export function describeTimelineEvent(event: TimelineEvent): string {
  switch (event.kind) {
    case 'created':
      return event.body ?? 'Created';
    case 'field_changed': {
      const field = event.field ?? '';
      return `${FIELD_LABELS[field] ?? field} changed from ${valueText(
        field,
        event.oldValue,
      )} to ${valueText(field, event.newValue)}`;
    }
    case 'transition':
      return `${statusText(event.recordType, event.oldValue)} → ${statusText(
        event.recordType,
        event.newValue,
      )}${event.body ? `: ${event.body}` : ''}`;
    default:
      return event.body ?? event.kind.replace(/_/g, ' ');
  }
}
