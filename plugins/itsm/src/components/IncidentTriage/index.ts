export { IncidentKnownErrors } from './IncidentKnownErrors';
export { DuplicateOfNotice } from './DuplicateOfNotice';
