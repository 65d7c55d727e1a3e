export { EntityIncidentsContent } from './EntityIncidentsContent';
