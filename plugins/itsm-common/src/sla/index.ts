export * from './businessCalendar';
export * from './slaClock';
export * from './slaTypes';
export * from './incidentSlaClocks';
export { isKnownTimeZone } from './zonedTime';
