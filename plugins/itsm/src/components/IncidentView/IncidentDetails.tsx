import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import Grid from '@material-ui/core/Grid';
import { Field } from '../shared/Field';
import { formatTime, localiseTimestamps } from '../shared/formatTime';
import { PrincipalRef } from '../shared/PrincipalRef';
import {
  HOLD_REASON_LABELS,
  INCIDENT_RESOLUTION_LABELS,
  LEVEL_LABELS,
} from '../shared/labels';

const SOURCE_LABELS: Record<Incident['source'], string> = {
  manual: 'Logged by hand',
  alertmanager: 'Alertmanager',
  'events-v2': 'PagerDuty Events v2',
  api: 'API',
};

/** Every field of an incident, read-only. */
export function IncidentDetails(props: { incident: Incident }) {
  const { incident } = props;
  const ref = (value: string | null, defaultKind: string) =>
    value ? (
      <EntityRefLink entityRef={value} defaultKind={defaultKind} />
    ) : null;
  const person = (value: string | null) =>
    value ? <PrincipalRef entityRef={value} /> : null;
  return (
    <InfoCard title="Details">
      <Grid container spacing={2}>
        <Field label="Description" xs={12}>
          {incident.description}
        </Field>
        <Field label="Entity">{ref(incident.entityRef, 'component')}</Field>
        <Field label="Owner">{ref(incident.ownerRef, 'group')}</Field>
        <Field label="Category">{incident.category}</Field>
        <Field label="Impact">{LEVEL_LABELS[incident.impact]}</Field>
        <Field label="Urgency">{LEVEL_LABELS[incident.urgency]}</Field>
        <Field label="Assignee">
          {person(incident.assigneeRef) ?? 'Unassigned'}
        </Field>
        <Field label="Reporter">{person(incident.reporterRef)}</Field>
        <Field label="Source">
          {SOURCE_LABELS[incident.source]}
          {incident.occurrenceCount > 1 &&
            ` · ${incident.occurrenceCount} occurrences`}
        </Field>
        {incident.holdReason && (
          <Field label="On hold for">
            {HOLD_REASON_LABELS[incident.holdReason]}
          </Field>
        )}
        <Field label="Detected">{formatTime(incident.detectedAt)}</Field>
        <Field label="Acknowledged">
          {formatTime(incident.acknowledgedAt)}
        </Field>
        <Field label="Resolved">{formatTime(incident.resolvedAt)}</Field>
        <Field label="Closed">{formatTime(incident.closedAt)}</Field>
        {incident.resolutionCode && (
          <>
            <Field label="Resolution">
              {INCIDENT_RESOLUTION_LABELS[incident.resolutionCode]}
            </Field>
            <Field label="Resolution notes">
              {incident.resolutionNotes &&
                localiseTimestamps(incident.resolutionNotes)}
            </Field>
          </>
        )}
      </Grid>
    </InfoCard>
  );
}
