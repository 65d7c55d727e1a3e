export { itsmApiRef } from './ItsmApi';
export type * from './ItsmApi';
export { ItsmClient } from './ItsmClient';
export type * from './triageTypes';
export type * from './liveTypes';
