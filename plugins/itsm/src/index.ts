/**
 * Backstage ITSM frontend: incidents, problems and known errors in Backstage.
 *
 * @packageDocumentation
 */
export * from './api';
export {
  itsmPlugin,
  ItsmPage,
  EntityIncidentsContent,
  EntityProblemsContent,
  EntityReliabilityContent,
  EntityItsmOverviewCard,
  EntityMajorIncidentBanner,
} from './plugin';
export { rootRouteRef as itsmRootRouteRef } from './routes';
