import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { itsmApiRef, ItsmClient } from './api';

const itsmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ItsmClient(deps),
    }),
});

/** The ITSM plugin for the New Frontend System. */
export default createFrontendPlugin({
  pluginId: 'itsm',
  extensions: [itsmApi],
});
