export type {
  ActionItemRow,
  AlertDeliveryRow,
  DbTime,
  IncidentEntityRow,
  IncidentRow,
  PostmortemRow,
  ProblemEntityRow,
  ProblemRow,
  TimelineRow,
  UnroutedAlertRow,
} from '@backstage-itsm/plugin-itsm-node';
