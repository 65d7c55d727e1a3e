import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  HOLD_REASONS,
  HoldReason,
  INCIDENT_STATUSES,
  IncidentStatus,
  PROBLEM_STATUSES,
  Priority,
  ProblemStatus,
  RCA_METHODS,
  RcaMethod,
  TimelineEvent,
} from '@backstage-itsm/plugin-itsm-common';
import { PrincipalRef } from './PrincipalRef';
import { localiseTimestamps } from './formatTime';
import {
  HOLD_REASON_LABELS,
  INCIDENT_STATUS_LABELS,
  LEVEL_LABELS,
  PROBLEM_STATUS_LABELS,
  RCA_METHOD_LABELS,
  priorityText,
} from './labels';
import { useRecordLinks } from './useRecordLinks';

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
  commanderRef: 'Incident commander',
  communicationsLeadRef: 'Communications lead',
  workaround: 'Workaround',
  rootCause: 'Root cause',
  rcaMethod: 'RCA method',
  permanentFix: 'Permanent fix',
  symptoms: 'Symptoms',
  knownError: 'Known error',
  affectedEntityRefs: 'Affected entities',
};

function fieldLabel(event: TimelineEvent): string {
  const field = event.field ?? '';
  if (field === 'entityRef' && event.recordType === 'problem') {
    return 'Root-cause entity';
  }
  return FIELD_LABELS[field] ?? field;
}

function valueText(field: string | null, value: string | null): ReactNode {
  if (value === null || value === '') {
    return 'nothing';
  }
  switch (field) {
    case 'impact':
    case 'urgency':
      return LEVEL_LABELS[Number(value) as 1 | 2 | 3] ?? value;
    case 'priority':
      return priorityText(Number(value) as Priority);
    case 'rcaMethod':
      return RCA_METHODS.includes(value as RcaMethod)
        ? RCA_METHOD_LABELS[value as RcaMethod]
        : value;
    case 'assigneeRef':
    case 'commanderRef':
    case 'communicationsLeadRef':
      return <PrincipalRef entityRef={value} />;
    case 'entityRef':
    case 'ownerRef':
      return <EntityRefLink entityRef={value} />;
    default:
      if (value === 'true' || value === 'false') {
        return value === 'true' ? 'yes' : 'no';
      }
      return value;
  }
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

function reasonText(body: string): string {
  return HOLD_REASONS.includes(body as HoldReason)
    ? HOLD_REASON_LABELS[body as HoldReason]
    : localiseTimestamps(body);
}

function RecordLink(props: { type: 'incident' | 'problem'; number: string }) {
  const links = useRecordLinks();
  return <Link to={links[props.type](props.number)}>{props.number}</Link>;
}

function describeLink(event: TimelineEvent): ReactNode {
  const verb = event.kind === 'linked' ? 'Linked' : 'Unlinked';
  if (!event.body) {
    return verb;
  }
  return event.recordType === 'problem' ? (
    <>
      {verb} incident <RecordLink type="incident" number={event.body} />
    </>
  ) : (
    <>
      {verb} {event.kind === 'linked' ? 'to' : 'from'} problem{' '}
      <RecordLink type="problem" number={event.body} />
    </>
  );
}

function describeAlert(event: TimelineEvent): ReactNode {
  if (event.field === 'entityRef' && event.newValue) {
    const deliveries = Number(
      /after (\d+) deliver/.exec(event.body ?? '')?.[1],
    );
    return (
      <>
        Assigned to <EntityRefLink entityRef={event.newValue} /> from the
        unrouted alert inbox
        {deliveries > 0 &&
          ` after ${deliveries} ${
            deliveries === 1 ? 'delivery' : 'deliveries'
          }`}
      </>
    );
  }
  if (event.field === 'alert' && event.newValue === 'acknowledged') {
    return 'Alert acknowledged';
  }
  return localiseTimestamps(event.body ?? 'Alert');
}

/**
 * What a timeline event records, in the words of the UI: labels instead of
 * stored values, entity titles and records as links, times in the reader's
 * locale.
 */
export function describeTimelineEvent(event: TimelineEvent): ReactNode {
  switch (event.kind) {
    case 'created':
      return event.body ?? 'Created';
    case 'field_changed':
      // A new priority keeps the reason the responder gave as its body.
      if (event.body && event.field !== 'priority') {
        return localiseTimestamps(event.body);
      }
      return (
        <>
          {fieldLabel(event)} changed from{' '}
          {valueText(event.field, event.oldValue)} to{' '}
          {valueText(event.field, event.newValue)}
          {event.body && `: ${event.body}`}
        </>
      );
    case 'transition':
      return `${statusText(event.recordType, event.oldValue)} → ${statusText(
        event.recordType,
        event.newValue,
      )}${event.body ? `: ${reasonText(event.body)}` : ''}`;
    case 'linked':
    case 'unlinked':
      return describeLink(event);
    case 'alert_occurrence':
      return describeAlert(event);
    default:
      return event.body
        ? localiseTimestamps(event.body)
        : event.kind.replace(/_/g, ' ');
  }
}
