import { ReactElement } from 'react';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  MockFetchApi,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  defaultEntityPresentation,
  EntityPresentationApi,
  entityPresentationApiRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { itsmApiRef, ItsmClient } from '../api';
import { rootRouteRef } from '../routes';
import { BASE_URL } from './fixtures';

/** Presents the given entities by title or display name, as the app's catalog does. */
function presentationOf(entities: Entity[]): EntityPresentationApi {
  return {
    forEntity(entityOrRef, context) {
      const ref =
        typeof entityOrRef === 'string'
          ? stringifyEntityRef(
              parseEntityRef(entityOrRef, {
                defaultKind: context?.defaultKind ?? 'component',
                defaultNamespace: 'default',
              }),
            )
          : stringifyEntityRef(entityOrRef);
      const entity = entities.find(e => stringifyEntityRef(e) === ref);
      const snapshot = defaultEntityPresentation(entity ?? ref, context);
      return { snapshot, promise: Promise.resolve(snapshot) };
    },
  };
}

/**
 * Renders a component of the plugin against the real client, whose HTTP
 * calls the test answers with msw; permissions allow unless told otherwise.
 */
export function renderWithItsm(
  element: ReactElement,
  options: {
    entity?: Entity;
    catalogEntities?: Entity[];
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    routeEntries?: string[];
    /** Signals delivered to the views; none when left out, as without the signals plugin. */
    signalApi?: SignalApi;
  } = {},
) {
  const client = new ItsmClient({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: new MockFetchApi(),
  });
  const wrapped = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, client],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: options.permission ?? AuthorizeResult.ALLOW,
          }),
        ],
        [
          catalogApiRef,
          catalogApiMock({ entities: options.catalogEntities ?? [] }),
        ],
        [
          entityPresentationApiRef,
          presentationOf(options.catalogEntities ?? []),
        ],
        ...(options.signalApi
          ? [[signalApiRef, options.signalApi] as const]
          : []),
      ]}
    >
      {wrapped}
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/itsm': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      routeEntries: options.routeEntries,
    },
  );
}
