import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import {
  BASE_URL,
  emptyPage,
  incident,
  problem,
} from '../../__testUtils__/fixtures';
import { pickRecord } from '../../__testUtils__/pickRecord';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { IncidentView } from '../IncidentView';

jest.setTimeout(60_000);

const KNOWN_ERROR = problem({
  id: '33333333-3333-4333-8333-333333333333',
  number: 'PRB-000031',
  title: 'api-gateway answers 503 when two nodes run out of descriptors',
  knownError: true,
  entityRef: 'component:default/api-gateway',
  workaround: 'Restart the two gateway nodes',
});

describe('triage on the incident view', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Serves the view of INC-000001; each GET returns the latest `current`. */
  function serve(first: Partial<Incident & { duplicateOf: unknown }>) {
    const state = { current: incident(first as Partial<Incident>) };
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001`, () =>
        HttpResponse.json(state.current),
      ),
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () =>
        HttpResponse.json(emptyPage),
      ),
      http.get(`${BASE_URL}/incidents/:id/known-errors`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
    );
    return state;
  }

  it('re-prioritises with a reason and assigns the responder', async () => {
    serve({ impact: 2, urgency: 2, priority: 3, assigneeRef: null });
    let patched: any;
    server.use(
      http.patch(`${BASE_URL}/incidents/:id`, async ({ request }) => {
        patched = await request.json();
        return HttpResponse.json(incident({ version: 2 }));
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);
    await user.click(
      await screen.findByRole('button', { name: 'Edit INC-000001' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByRole('button', { name: /Impact/ }));
    await user.click(await screen.findByRole('option', { name: '1 - High' }));
    const derived = within(dialog).getByLabelText('Derived priority');
    expect(derived).toHaveTextContent('P3 moderate→P2 high');

    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await user.type(
      within(dialog).getByRole('textbox', {
        name: /Reason for the new priority/,
      }),
      'Card payments fail for every customer',
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Assign to me' }),
    );
    await user.click(save);

    await waitFor(() => expect(patched).toBeDefined());
    expect(patched).toEqual({
      version: 1,
      impact: 1,
      assigneeRef: expect.stringMatching(/^user:default\//),
      reason: 'Card payments fail for every customer',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says someone else changed the incident and shows their version', async () => {
    const state = serve({});
    server.use(
      http.patch(`${BASE_URL}/incidents/:id`, () => {
        state.current = incident({
          title: 'Checkout fails for EU',
          version: 2,
        });
        return HttpResponse.json(
          { error: { name: 'ConflictError', message: 'version 1 is stale' } },
          { status: 409 },
        );
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);
    await user.click(
      await screen.findByRole('button', { name: 'Edit INC-000001' }),
    );
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('textbox', { name: /Title/ });
    await user.clear(title);
    await user.type(title, 'Checkout down');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText(/Someone else changed INC-000001/),
    ).toBeInTheDocument();
    await waitFor(() => expect(title).toHaveValue('Checkout fails for EU'));
  });

  it('links the incident to a known error with "This is it" and shows its workaround', async () => {
    const state = serve({ source: 'alertmanager', problemId: null });
    let applied: any;
    server.use(
      http.get(`${BASE_URL}/incidents/:id/known-errors`, () =>
        HttpResponse.json({
          items: [
            {
              problem: KNOWN_ERROR,
              via: 'dependency',
              path: [
                'component:default/checkout-api',
                'component:default/api-gateway',
              ],
              matchedWords: 2,
            },
          ],
        }),
      ),
      http.get(`${BASE_URL}/problems/:id`, () =>
        HttpResponse.json(KNOWN_ERROR),
      ),
      http.post(
        `${BASE_URL}/incidents/:id/known-error`,
        async ({ request }) => {
          applied = await request.json();
          state.current = incident({
            source: 'alertmanager',
            problemId: KNOWN_ERROR.id,
            workaround: 'Restart the two gateway nodes',
            version: 2,
          });
          return HttpResponse.json(state.current);
        },
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);
    const item = await screen.findByRole('group', {
      name: 'Known error PRB-000031',
    });
    expect(item).toHaveTextContent('matches 2 words of this incident');
    expect(item).toHaveTextContent('On a dependency');
    await user.click(within(item).getByRole('button', { name: 'This is it' }));

    await waitFor(() =>
      expect(applied).toEqual({ problemId: KNOWN_ERROR.id, version: 1 }),
    );
    expect(await within(item).findByText('Linked')).toBeInTheDocument();
    expect(
      within(item).queryByRole('button', { name: 'This is it' }),
    ).toBeNull();
    expect(
      screen.getAllByText('Restart the two gateway nodes').length,
    ).toBeGreaterThan(1);
  });

  it('resolves as a duplicate of an incident found by words', async () => {
    serve({ status: 'in_progress' });
    let moved: any;
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        const text = new URL(request.url).searchParams.get('text');
        return HttpResponse.json({
          items:
            text === 'payments timeout'
              ? [
                  incident({
                    id: '44444444-4444-4444-8444-444444444444',
                    number: 'INC-000311',
                    title: 'Payments timeout at checkout',
                  }),
                ]
              : [],
          nextCursor: null,
        });
      }),
      http.post(
        `${BASE_URL}/incidents/:id/transitions`,
        async ({ request }) => {
          moved = await request.json();
          return HttpResponse.json(
            incident({ status: 'resolved', version: 2 }),
          );
        },
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);
    await user.click(await screen.findByRole('button', { name: 'Resolve' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).queryByRole('textbox', { name: /Original incident/ }),
    ).toBeNull();
    fireEvent.mouseDown(
      within(dialog).getByRole('button', { name: /Resolution code/ }),
    );
    await user.click(await screen.findByRole('option', { name: /Duplicate/ }));
    await pickRecord(
      user,
      'Original incident',
      'payments timeout',
      /INC-000311 Payments timeout/,
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: /Resolution notes/ }),
      'Same outage',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    await waitFor(() =>
      expect(moved).toEqual({
        version: 1,
        to: 'resolved',
        resolutionCode: 'duplicate',
        duplicateOf: 'INC-000311',
        resolutionNotes: 'Same outage',
      }),
    );
  });

  it('points a duplicate at its original', async () => {
    serve({
      status: 'resolved',
      resolutionCode: 'duplicate',
      duplicateOf: {
        id: '44444444-4444-4444-8444-444444444444',
        number: 'INC-000311',
      },
    });
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);
    expect(
      await screen.findByRole('link', { name: 'INC-000311' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000311');
    expect(screen.getByText(/Duplicate of/)).toBeInTheDocument();
  });
});
