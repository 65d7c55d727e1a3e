import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, checkoutEntity } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { EntityItsmOverviewCard } from './EntityItsmOverviewCard';

describe('EntityItsmOverviewCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows open incidents by priority, MTTR, open problems and known errors', async () => {
    server.use(
      http.get(`${BASE_URL}/entity-summary`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('entityRef')).toBe(
          'component:default/checkout-api',
        );
        return HttpResponse.json({
          entityRef: 'component:default/checkout-api',
          openIncidentsByPriority: { 1: 1, 2: 0, 3: 2, 4: 0, 5: 0 },
          mttrMs: 3 * 3_600_000 + 20 * 60_000,
          resolvedIncidents: 7,
          windowDays: 30,
          openProblems: 4,
          knownErrors: 2,
        });
      }),
    );
    await renderWithItsm(<EntityItsmOverviewCard />, {
      entity: checkoutEntity,
    });

    expect(await screen.findByText('3h 20m')).toBeInTheDocument();
    expect(screen.getByText('P1 critical')).toBeInTheDocument();
    expect(screen.getByText('P3 moderate')).toBeInTheDocument();
    expect(screen.queryByText('P2 high')).toBeNull();
    expect(screen.getByText('3')).toBeInTheDocument();
    expect(screen.getByText('4')).toBeInTheDocument();
    expect(screen.getByText('2')).toBeInTheDocument();
    expect(screen.getByText('7 resolved')).toBeInTheDocument();
    expect(screen.getByText('Known errors in effect')).toBeInTheDocument();
    expect(
      screen.getByText('published, rooted here or hurting it, not closed'),
    ).toBeInTheDocument();
  });
});
