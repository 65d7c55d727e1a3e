export type {
  ActionItemRow,
  AlertDeliveryRow,
  DbTime,
  IncidentRow,
  PostmortemRow,
  ProblemEntityRow,
  ProblemRow,
  TimelineRow,
  UnroutedAlertRow,
} from '@backstage-itsm/plugin-itsm-node';
