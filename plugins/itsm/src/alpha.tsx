import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import { itsmApiRef, ItsmClient } from './api';
import { isItsmSearchResult } from './components/ItsmSearchResultListItem/isItsmSearchResult';
import { ITSM_SEARCH_TYPE_NAMES } from './components/ItsmSearchResultListItem/searchTypeNames';
import { rootRouteRef } from './routes';

const ENTITY_FILTER = { kind: { $in: ['component', 'resource', 'system'] } };
// A system's tabs cover its parts, a group's the entities it owns.
const TAB_FILTER = {
  kind: { $in: ['component', 'resource', 'system', 'group'] },
};

const itsmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ItsmClient(deps),
    }),
});

const itsmPage = PageBlueprint.make({
  params: {
    path: '/itsm',
    title: 'ITSM',
    icon: <ReportProblemIcon />,
    routeRef: convertLegacyRouteRefs({ root: rootRouteRef }).root,
    noHeader: true,
    loader: () => import('./components/ItsmPage').then(m => <m.ItsmPage />),
  },
});

const entityIncidentsContent = EntityContentBlueprint.make({
  name: 'incidents',
  params: {
    path: 'incidents',
    title: 'Incidents',
    filter: TAB_FILTER,
    loader: () =>
      import('./components/EntityIncidentsContent').then(m => (
        <m.EntityIncidentsContent />
      )),
  },
});

const entityProblemsContent = EntityContentBlueprint.make({
  name: 'problems',
  params: {
    path: 'problems',
    title: 'Problems',
    filter: TAB_FILTER,
    loader: () =>
      import('./components/EntityProblemsContent').then(m => (
        <m.EntityProblemsContent />
      )),
  },
});

const entityReliabilityContent = EntityContentBlueprint.make({
  name: 'reliability',
  params: {
    path: 'reliability',
    title: 'Reliability',
    filter: TAB_FILTER,
    loader: () =>
      import('./components/EntityReliabilityContent').then(m => (
        <m.EntityReliabilityContent />
      )),
  },
});

const entityOverviewCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: ENTITY_FILTER,
    loader: () =>
      import('./components/EntityItsmOverviewCard').then(m => (
        <m.EntityItsmOverviewCard />
      )),
  },
});

// A card without a frame, listed first on the overview, so that it reads as a banner.
const entityMajorIncidentBanner = EntityCardBlueprint.make({
  name: 'major-incident-banner',
  params: {
    filter: ENTITY_FILTER,
    loader: () =>
      import('./components/EntityMajorIncidentBanner').then(m => (
        <m.EntityMajorIncidentBanner />
      )),
  },
});

const searchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: isItsmSearchResult,
    icon: <ReportProblemIcon />,
    component: () =>
      import('./components/ItsmSearchResultListItem').then(
        m => m.ItsmSearchResultListItem,
      ),
  },
});

const searchResultTypes = Object.entries(ITSM_SEARCH_TYPE_NAMES).map(
  ([value, name]) =>
    SearchFilterResultTypeBlueprint.make({
      name: value,
      params: { value, name, icon: <ReportProblemIcon /> },
    }),
);

/**
 * The ITSM plugin for the New Frontend System.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'itsm',
  title: 'ITSM',
  icon: <ReportProblemIcon />,
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
  extensions: [
    itsmApi,
    itsmPage,
    entityIncidentsContent,
    entityProblemsContent,
    entityReliabilityContent,
    entityOverviewCard,
    entityMajorIncidentBanner,
    searchResultListItem,
    ...searchResultTypes,
  ],
});
