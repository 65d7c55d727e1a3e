export { IncidentQueue } from './IncidentQueue';
