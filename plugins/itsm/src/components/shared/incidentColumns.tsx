import { SlaIndicator } from '../SlaClocks/SlaIndicator';
import { Link, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { MajorIncidentBadge } from '../MajorIncident/MajorIncidentBadge';
import { PriorityChip } from './PriorityChip';
import { PrincipalRef } from './PrincipalRef';
import { formatAge } from './formatAge';
import { INCIDENT_STATUS_LABELS } from './labels';
import { narrowColumn, textColumn } from './tableColumns';

/** Columns of an incident table; the entity column where several entities show. */
export function incidentColumns(options: {
  incidentLink: (number: string) => string;
  showEntity?: boolean;
}): TableColumn<Incident>[] {
  const { incidentLink, showEntity } = options;
  return [
    {
      title: 'Number',
      field: 'number',
      ...narrowColumn(),
      render: incident => (
        <Link to={incidentLink(incident.number)}>{incident.number}</Link>
      ),
    },
    {
      title: 'Title',
      field: 'title',
      ...textColumn('40%', { minWidth: 180 }),
      render: incident => (
        <>
          {incident.title}
          <MajorIncidentBadge incident={incident} />
        </>
      ),
    },
    ...(showEntity
      ? [
          {
            title: 'Entity',
            field: 'entityRef',
            ...textColumn('16%'),
            render: (incident: Incident) => (
              <EntityRefLink entityRef={incident.entityRef} />
            ),
          },
        ]
      : []),
    {
      title: 'Priority',
      field: 'priority',
      ...narrowColumn(),
      render: incident => <PriorityChip priority={incident.priority} />,
    },
    {
      title: 'Status',
      field: 'status',
      ...textColumn('10%'),
      render: incident => INCIDENT_STATUS_LABELS[incident.status],
    },
    {
      title: 'SLA',
      field: 'sla',
      sorting: false,
      ...textColumn('12%'),
      render: incident => <SlaIndicator incident={incident} />,
    },
    {
      title: 'Assignee',
      field: 'assigneeRef',
      ...textColumn('14%'),
      render: incident =>
        incident.assigneeRef ? (
          <PrincipalRef entityRef={incident.assigneeRef} />
        ) : (
          'Unassigned'
        ),
    },
    {
      title: 'Age',
      field: 'detectedAt',
      ...narrowColumn(),
      render: incident => formatAge({ from: incident.detectedAt }),
    },
  ];
}
