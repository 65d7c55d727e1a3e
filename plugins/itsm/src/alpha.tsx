import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { itsmApiRef, ItsmClient } from './api';

const itsmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ItsmClient(deps),
    }),
});

const entityIncidentsContent = EntityContentBlueprint.make({
  name: 'incidents',
  params: {
    path: 'incidents',
    title: 'Incidents',
    filter: 'kind:component,resource,system',
    loader: () =>
      import('./components/EntityIncidentsContent').then(m => (
        <m.EntityIncidentsContent />
      )),
  },
});

/** The ITSM plugin for the New Frontend System. */
export default createFrontendPlugin({
  pluginId: 'itsm',
  extensions: [itsmApi, entityIncidentsContent],
});
