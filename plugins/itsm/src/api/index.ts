export { itsmApiRef } from './ItsmApi';
export type { ItsmApi, IncidentListQuery } from './ItsmApi';
export { ItsmClient } from './ItsmClient';
