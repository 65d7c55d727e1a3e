export { IncidentView } from './IncidentView';
