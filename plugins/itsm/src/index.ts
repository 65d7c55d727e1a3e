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
  ItsmSearchResultListItem,
} from './plugin';
export { ITSM_SEARCH_TYPE_NAMES } from './components/ItsmSearchResultListItem/searchTypeNames';
export { rootRouteRef as itsmRootRouteRef } from './routes';
