export { EntityProblemsContent } from './EntityProblemsContent';
