import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { StatusPage as StatusPageBody } from '@backstage-itsm/plugin-itsm-common';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { mockSignals } from '../../__testUtils__/mockSignals';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { StatusPage } from './StatusPage';

jest.setTimeout(60_000);

function body(paymentsState: 'major_outage' | 'operational'): StatusPageBody {
  const down = paymentsState === 'major_outage';
  return {
    systems: [
      {
        entityRef: 'system:default/payments',
        title: 'Payments',
        state: paymentsState,
        components: [
          {
            entityRef: 'component:default/payments-api',
            title: 'Payments API',
            state: paymentsState,
            openIncidents: down
              ? [
                  {
                    number: 'INC-000007',
                    title: 'Card payments fail',
                    priority: 1,
                    status: 'in_progress',
                  },
                ]
              : [],
          },
          {
            entityRef: 'resource:default/payments-db',
            title: 'payments-db',
            state: 'degraded',
            openIncidents: [],
          },
        ],
      },
    ],
    updates: down
      ? [
          {
            incidentNumber: 'INC-000007',
            entityRef: 'component:default/payments-api',
            body: 'Failover to the secondary region started',
            createdAt: '2026-11-10T09:30:00Z',
          },
        ]
      : [],
    resolved: down
      ? []
      : [
          {
            number: 'INC-000007',
            title: 'Card payments fail',
            entityRef: 'component:default/payments-api',
            priority: 1,
            resolvedAt: '2026-11-10T10:00:00Z',
          },
        ],
    generatedAt: '2026-11-10T10:00:00Z',
  };
}

describe('StatusPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows each state in words, public updates, and reloads on record signals', async () => {
    let state: 'major_outage' | 'operational' = 'major_outage';
    server.use(
      http.get(`${BASE_URL}/status`, () => HttpResponse.json(body(state))),
    );
    const signals = mockSignals();
    await renderWithItsm(<StatusPage />, { signalApi: signals.api });

    const components = await screen.findByRole('list', {
      name: 'Components of Payments',
    });
    const api = within(components).getAllByRole('listitem')[0];
    expect(api).toHaveTextContent('Payments API');
    expect(api).toHaveTextContent('Major outage');
    expect(api).toHaveTextContent('INC-000007 Card payments fail');
    expect(within(components).getAllByRole('listitem')[1]).toHaveTextContent(
      'Degraded performance',
    );
    expect(
      within(screen.getByRole('list', { name: 'Status updates' })).getByText(
        'Failover to the secondary region started',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Nothing was resolved in the last 7 days.'),
    ).toBeInTheDocument();

    state = 'operational';
    signals.publish('itsm:records', { recordType: 'incident', id: 'x' });
    signals.publish('itsm:records', { recordType: 'incident', id: 'x' });
    const resolved = await screen.findByRole(
      'list',
      { name: 'Resolved incidents' },
      { timeout: 5000 },
    );
    expect(resolved).toHaveTextContent('INC-000007 Card payments fail');
    expect(
      screen.getByText('No open incident has a public status update.'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Operational').length).toBeGreaterThan(0);
  });
});
