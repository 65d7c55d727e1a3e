import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { TimelineEvent } from '@backstage-itsm/plugin-itsm-common';
import { BASE_URL, emptyPage, incident } from '../../__testUtils__/fixtures';
import { liveDefaultHandlers } from '../../__testUtils__/liveHandlers';
import { mockSignals } from '../../__testUtils__/mockSignals';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { IncidentView } from './IncidentView';
import { timelineEvent } from '../../__testUtils__/timelineEvent';

jest.setTimeout(60_000);

const ID = incident().id;

function update(id: string, body: string): TimelineEvent {
  return timelineEvent({ id, recordId: ID, kind: 'status_update', body });
}

describe('IncidentView, live', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

  it('names who receives a public status update', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001`, () =>
        HttpResponse.json(incident()),
      ),
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () =>
        HttpResponse.json(emptyPage),
      ),
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/incidents/${ID}/audience`, () =>
        HttpResponse.json({
          recipients: [
            {
              entityRef: 'group:default/payments-team',
              reasons: ['owner'],
            },
            {
              entityRef: 'user:default/guest',
              reasons: ['reporter', 'follower'],
            },
          ],
        }),
      ),
      http.get(`${BASE_URL}/incidents/${ID}/follow`, () =>
        HttpResponse.json({ following: true, followers: 3 }),
      ),
    );
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);

    const audience = await screen.findByText(
      /A public status update is sent to/,
    );
    await waitFor(() =>
      expect(audience).toHaveTextContent(
        'A public status update is sent to payments-team (owner), guest (reporter, follower)',
      ),
    );
    expect(screen.getByLabelText('Public status update')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Unfollow' }),
    ).toBeInTheDocument();
    expect(screen.getByText('3 followers')).toBeInTheDocument();
  });

  it('reloads when its signal channel fires, and only then', async () => {
    const updates: TimelineEvent[] = [];
    let reads = 0;
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001`, () => {
        reads += 1;
        return HttpResponse.json(
          incident(reads > 1 ? { title: 'Checkout is down in EU' } : {}),
        );
      }),
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () =>
        HttpResponse.json({ items: [...updates], nextCursor: null }),
      ),
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
    );
    const signals = mockSignals();
    await renderWithItsm(<IncidentView incidentId="INC-000001" />, {
      signalApi: signals.api,
    });
    expect(
      await screen.findByRole('heading', {
        name: 'INC-000001 · Checkout is down',
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(signals.channels()).toContain(`itsm:incident:${ID}`),
    );

    updates.push(update('1', 'Failover to EU-2 under way'));
    signals.publish('itsm:incident:22222222-2222-4222-8222-222222222222', {
      recordType: 'incident',
      id: '22222222-2222-4222-8222-222222222222',
    });
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(screen.queryByText('Failover to EU-2 under way')).toBeNull();

    signals.publish(`itsm:incident:${ID}`, {
      recordType: 'incident',
      id: ID,
      number: 'INC-000001',
      entityRef: 'component:default/checkout-api',
    });
    expect(
      await screen.findByText('Failover to EU-2 under way'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', {
        name: 'INC-000001 · Checkout is down in EU',
      }),
    ).toBeInTheDocument();
  });
});
