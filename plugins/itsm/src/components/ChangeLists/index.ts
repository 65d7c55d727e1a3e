export { IncidentChangeList } from './IncidentChangeList';
export { ProblemChangeList } from './ProblemChangeList';
