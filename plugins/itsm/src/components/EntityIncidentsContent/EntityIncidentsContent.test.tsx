import { registerMswTestHooks } from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  BASE_URL,
  checkoutEntity,
  emptyPage,
  incident,
  problem,
} from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { EntityIncidentsContent } from './EntityIncidentsContent';
import { liveDefaultHandlers } from '../../__testUtils__/liveHandlers';

jest.setTimeout(60_000);

describe('EntityIncidentsContent', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);
  let listed: URLSearchParams[];

  beforeEach(() => {
    listed = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        listed.push(params);
        if (params.getAll('priority').join() === '1,2') {
          return HttpResponse.json(emptyPage);
        }
        return HttpResponse.json({
          items: [
            incident({}),
            incident({
              id: 'id-2',
              number: 'INC-000002',
              title: 'Slow checkout',
              priority: 3,
              status: 'in_progress',
              assigneeRef: null,
            }),
          ],
          nextCursor: null,
        });
      }),
    );
  });

  it('lists the open incidents of the entity with links to their views', async () => {
    await renderWithItsm(<EntityIncidentsContent />, {
      entity: checkoutEntity,
    });

    expect(await screen.findByText('Slow checkout')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'INC-000001' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-000001',
    );
    expect(screen.getByText('P1 critical')).toBeInTheDocument();
    expect(screen.getByText('Unassigned')).toBeInTheDocument();
    const query = listed.find(p => !p.has('priority'))!;
    // Incidents that affect the entity besides their own are listed too.
    expect(query.get('affectingEntityRef')).toBe(
      'component:default/checkout-api',
    );
    expect(query.has('entityRef')).toBe(false);
    expect(query.getAll('status')).toEqual(['new', 'in_progress', 'on_hold']);
  });

  it('logs an incident, showing the live priority and the known errors of the entity and its dependencies', async () => {
    let knownErrorQuery: URLSearchParams | undefined;
    let created: any;
    server.use(
      http.get(`${BASE_URL}/known-errors`, ({ request }) => {
        knownErrorQuery = new URL(request.url).searchParams;
        return HttpResponse.json({
          items: [
            problem({
              knownError: true,
              title: 'Connection pool exhausted at peak',
              symptoms: 'timeout acquiring connection',
              workaround: 'Restart the checkout-api pods',
            }),
          ],
          nextCursor: null,
        });
      }),
      http.post(`${BASE_URL}/incidents`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(incident({ number: 'INC-000009' }), {
          status: 201,
        });
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<EntityIncidentsContent />, {
      entity: checkoutEntity,
    });

    await user.click(
      await screen.findByRole('button', { name: 'Log incident' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('heading', {
        name: 'Log incident on checkout-api',
      }),
    ).toBeInTheDocument();
    expect(
      await within(dialog).findByText('Restart the checkout-api pods'),
    ).toBeInTheDocument();
    expect(knownErrorQuery?.getAll('entityRef')).toEqual([
      'component:default/checkout-api',
      'resource:default/orders-db',
    ]);

    fireEvent.change(within(dialog).getByLabelText(/Title/), {
      target: { value: 'Checkout timeout' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Description/), {
      target: { value: 'Timeout acquiring connection from the pool' },
    });
    expect(
      await within(dialog).findByText(/matches what you typed/),
    ).toBeInTheDocument();

    expect(within(dialog).getByText('P3 moderate')).toBeInTheDocument();
    fireEvent.mouseDown(within(dialog).getByRole('button', { name: /Impact/ }));
    await user.click(await screen.findByRole('option', { name: '1 - High' }));
    fireEvent.mouseDown(
      within(dialog).getByRole('button', { name: /Urgency/ }),
    );
    await user.click(await screen.findByRole('option', { name: '1 - High' }));
    expect(within(dialog).getByText('P1 critical')).toBeInTheDocument();

    await user.click(
      within(dialog).getByRole('button', { name: 'Log incident' }),
    );
    await waitFor(() => expect(created).toBeDefined());
    expect(created).toEqual({
      title: 'Checkout timeout',
      description: 'Timeout acquiring connection from the pool',
      entityRef: 'component:default/checkout-api',
      category: 'availability',
      impact: 1,
      urgency: 1,
    });
  });

  it('hides "Log incident" from those who may not log incidents', async () => {
    await renderWithItsm(<EntityIncidentsContent />, {
      entity: checkoutEntity,
      permission: AuthorizeResult.DENY,
    });
    expect(await screen.findByText('Slow checkout')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log incident' })).toBeNull();
  });

  it('says what to do next when the entity has no open incidents', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
    );
    await renderWithItsm(<EntityIncidentsContent />, {
      entity: checkoutEntity,
    });
    expect(
      await screen.findByText(
        'This component has no open incidents. Choose status "All" to see past ones.',
      ),
    ).toBeInTheDocument();
  });

  it('explains a 403 instead of failing', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'denied' } },
          { status: 403 },
        ),
      ),
    );
    await renderWithItsm(<EntityIncidentsContent />, {
      entity: checkoutEntity,
    });
    expect(
      await screen.findByText(/You don't have access to load incidents/),
    ).toBeInTheDocument();
  });
});
