import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  BASE_URL,
  checkoutEntity,
  emptyPage,
  incident,
} from '../../__testUtils__/fixtures';
import { mockSignals } from '../../__testUtils__/mockSignals';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { EntityMajorIncidentBanner } from './EntityMajorIncidentBanner';
import { liveDefaultHandlers } from '../../__testUtils__/liveHandlers';

describe('EntityMajorIncidentBanner', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

  it('warns while a P1 or P2 incident is open', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [incident({})], nextCursor: null });
      }),
    );
    await renderWithItsm(<EntityMajorIncidentBanner />, {
      entity: checkoutEntity,
    });
    expect(
      await screen.findByText('A major incident is open on this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'INC-000001' }),
    ).toBeInTheDocument();
    expect(query?.getAll('priority')).toEqual(['1', '2']);
    expect(query?.getAll('status')).toEqual(['new', 'in_progress', 'on_hold']);
  });

  it('shows nothing otherwise', async () => {
    let asked = false;
    server.use(
      http.get(`${BASE_URL}/incidents`, () => {
        asked = true;
        return HttpResponse.json(emptyPage);
      }),
    );
    await renderWithItsm(<EntityMajorIncidentBanner />, {
      entity: checkoutEntity,
    });
    await waitFor(() => expect(asked).toBe(true));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns of an open P1 on something the entity depends on, with the path', async () => {
    let asked: string | null = null;
    server.use(
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/entities/upstream-incidents`, ({ request }) => {
        asked = new URL(request.url).searchParams.get('entityRef');
        return HttpResponse.json({
          items: [
            {
              incident: {
                id: 'u1',
                number: 'INC-000042',
                title: 'Payments database unreachable',
                priority: 1,
                status: 'in_progress',
                entityRef: 'resource:default/payments-db',
              },
              path: [
                'component:default/checkout-api',
                'component:default/payments-api',
                'resource:default/payments-db',
              ],
            },
          ],
        });
      }),
    );
    await renderWithItsm(<EntityMajorIncidentBanner />, {
      entity: checkoutEntity,
    });
    const alert = await screen.findByRole('alert', {
      name: 'Upstream incidents',
    });
    expect(alert).toHaveTextContent(
      'payments-db which checkout-api depends on has an open P1: INC-000042 Payments database unreachable',
    );
    expect(alert).toHaveTextContent(
      'Through checkout-api → payments-api → payments-db',
    );
    expect(
      within(alert).getByRole('link', { name: 'INC-000042' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000042');
    expect(asked).toBe('component:default/checkout-api');
  });

  it("reloads when the entity's signal channel fires", async () => {
    let open = false;
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json(
          open ? { items: [incident({})], nextCursor: null } : emptyPage,
        ),
      ),
    );
    const signals = mockSignals();
    await renderWithItsm(<EntityMajorIncidentBanner />, {
      entity: checkoutEntity,
      signalApi: signals.api,
    });
    await waitFor(() =>
      expect(signals.channels()).toContain(
        'itsm:entity:component:default/checkout-api',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    open = true;
    signals.publish('itsm:entity:component:default/checkout-api', {
      recordType: 'incident',
      id: 'x',
    });
    expect(
      await screen.findByText('A major incident is open on this entity'),
    ).toBeInTheDocument();
  });
});
