/**
 * Node library of Backstage ITSM for backend modules: the extension point
 * through which they seed the ITSM database, and the row types of its tables.
 *
 * @packageDocumentation
 */
export { itsmDataSeedExtensionPoint } from './dataSeed';
export type { ItsmDataSeeder, ItsmDataSeedExtensionPoint } from './dataSeed';
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
} from './tables';
