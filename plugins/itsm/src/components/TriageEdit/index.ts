export { EditIncidentButton, EditProblemButton } from './EditButtons';
export { NewProblemButton } from './NewProblemButton';
