export { LogIncidentDialog } from './LogIncidentDialog';
