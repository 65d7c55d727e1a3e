/**
 * Backstage ITSM backend plugin: incidents, problems, known errors,
 * postmortems and alert ingestion.
 *
 * @packageDocumentation
 */
export { itsmPlugin as default } from './plugin';
export {
  itsmIncidentConditions,
  createItsmIncidentConditionalDecision,
  itsmProblemConditions,
  createItsmProblemConditionalDecision,
} from './permissions/conditions';
