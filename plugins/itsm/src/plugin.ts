import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { itsmApiRef, ItsmClient } from './api';
import { isItsmSearchResult } from './components/ItsmSearchResultListItem/isItsmSearchResult';
import { rootRouteRef } from './routes';

/**
 * The ITSM plugin for the legacy frontend system.
 *
 * @public
 */
export const itsmPlugin = createPlugin({
  id: 'itsm',
  apis: [
    createApiFactory({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ItsmClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The ITSM page: the organisation's incident queue, problems, known errors, and record views.
 *
 * @public
 */
export const ItsmPage = itsmPlugin.provide(
  createRoutableExtension({
    name: 'ItsmPage',
    component: () => import('./components/ItsmPage').then(m => m.ItsmPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Incidents tab content for an entity page.
 *
 * @public
 */
export const EntityIncidentsContent = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityIncidentsContent',
    component: {
      lazy: () =>
        import('./components/EntityIncidentsContent').then(
          m => m.EntityIncidentsContent,
        ),
    },
  }),
);

/**
 * Problems tab content for an entity page.
 *
 * @public
 */
export const EntityProblemsContent = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityProblemsContent',
    component: {
      lazy: () =>
        import('./components/EntityProblemsContent').then(
          m => m.EntityProblemsContent,
        ),
    },
  }),
);

/**
 * Overview card for an entity page.
 *
 * @public
 */
export const EntityItsmOverviewCard = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityItsmOverviewCard',
    component: {
      lazy: () =>
        import('./components/EntityItsmOverviewCard').then(
          m => m.EntityItsmOverviewCard,
        ),
    },
  }),
);

/**
 * Warning banner for an entity page while a P1 or P2 incident is open.
 *
 * @public
 */
export const EntityMajorIncidentBanner = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityMajorIncidentBanner',
    component: {
      lazy: () =>
        import('./components/EntityMajorIncidentBanner').then(
          m => m.EntityMajorIncidentBanner,
        ),
    },
  }),
);

/**
 * Reliability tab content: trends, fix effects, problem aging, blast radius.
 *
 * @public
 */
export const EntityReliabilityContent = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityContent').then(
          m => m.EntityReliabilityContent,
        ),
    },
  }),
);

/**
 * Search result list item of incidents, problems, known errors and
 * postmortems, for the legacy search page's `SearchResult`.
 *
 * @public
 */
export const ItsmSearchResultListItem = itsmPlugin.provide(
  createSearchResultListItemExtension({
    name: 'ItsmSearchResultListItem',
    component: () =>
      import('./components/ItsmSearchResultListItem').then(
        m => m.ItsmSearchResultListItem,
      ),
    predicate: isItsmSearchResult,
  }),
);
