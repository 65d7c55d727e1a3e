import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, checkoutEntity, emptyPage } from './__testUtils__/fixtures';
import { renderWithItsm } from './__testUtils__/renderWithItsm';
import {
  EntityIncidentsContent,
  EntityItsmOverviewCard,
  itsmPlugin,
} from './plugin';

describe('legacy plugin', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('provides the API and the page route', () => {
    expect(itsmPlugin.getId()).toBe('itsm');
    expect([...itsmPlugin.getApis()].map(api => api.api.id)).toEqual([
      'plugin.itsm.api',
    ]);
    expect(itsmPlugin.routes.root).toBeDefined();
  });

  it('renders its entity extensions inside a legacy app', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/entity-summary`, () =>
        HttpResponse.json({
          entityRef: 'component:default/checkout-api',
          openIncidentsByPriority: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
          mttrMs: null,
          resolvedIncidents: 0,
          windowDays: 30,
          openProblems: 0,
          knownErrors: 0,
        }),
      ),
    );
    await renderWithItsm(
      <>
        <EntityItsmOverviewCard />
        <EntityIncidentsContent />
      </>,
      { entity: checkoutEntity },
    );
    expect(await screen.findByText('No open incidents.')).toBeInTheDocument();
    expect(
      await screen.findByText(/This component has no open incidents/),
    ).toBeInTheDocument();
  });
});
