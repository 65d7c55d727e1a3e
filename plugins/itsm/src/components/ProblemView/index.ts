export { ProblemView } from './ProblemView';
