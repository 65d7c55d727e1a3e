import { registerMswTestHooks } from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, emptyPage, incident } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { IncidentView } from './IncidentView';
import { liveDefaultHandlers } from '../../__testUtils__/liveHandlers';

jest.setTimeout(30_000);

describe('IncidentView', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

  function serve(status: 'new' | 'closed' = 'new') {
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001`, () =>
        HttpResponse.json(incident({ status })),
      ),
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () =>
        HttpResponse.json({
          items: [
            {
              id: '2',
              recordType: 'incident',
              recordId: 'x',
              kind: 'status_update',
              field: null,
              oldValue: null,
              newValue: null,
              body: 'Investigating elevated errors',
              actorRef: 'user:default/jane.doe',
              createdAt: '2026-11-10T09:05:00Z',
            },
            {
              id: '1',
              recordType: 'incident',
              recordId: 'x',
              kind: 'note',
              field: null,
              oldValue: null,
              newValue: null,
              body: 'Suspect the last deploy',
              actorRef: 'user:default/jane.doe',
              createdAt: '2026-11-10T09:01:00Z',
            },
          ],
          nextCursor: null,
        }),
      ),
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
    );
  }

  it('shows the fields, the valid moves only, and tells notes from status updates', async () => {
    serve();
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);

    expect(
      await screen.findByRole('heading', {
        name: /INC-000001 · Checkout is down/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('HTTP 502 on checkout')).toBeInTheDocument();
    for (const action of [
      'Acknowledge',
      'Put on hold',
      'Resolve',
      'Cancel incident',
    ]) {
      expect(screen.getByRole('button', { name: action })).toBeInTheDocument();
    }
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(screen.getByText('Status update')).toBeInTheDocument();
    expect(screen.getByText('Internal note')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Create problem from this incident' }),
    ).toBeInTheDocument();
  });

  it('asks for a resolution code and notes before resolving', async () => {
    serve();
    let move: any;
    server.use(
      http.post(
        `${BASE_URL}/incidents/INC-000001/transitions`,
        async ({ request }) => {
          move = await request.json();
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
    const confirm = within(dialog).getByRole('button', { name: 'Resolve' });
    expect(confirm).toBeDisabled();
    fireEvent.mouseDown(
      within(dialog).getByRole('button', { name: /Resolution code/ }),
    );
    await user.click(
      await screen.findByRole('option', { name: 'Workaround applied' }),
    );
    await user.type(
      within(dialog).getByLabelText(/Resolution notes/),
      'Restarted pods',
    );
    await user.click(confirm);

    await waitFor(() =>
      expect(move).toEqual({
        version: 1,
        to: 'resolved',
        resolutionCode: 'workaround',
        resolutionNotes: 'Restarted pods',
      }),
    );
  });

  it('offers no actions to those who may not update it', async () => {
    serve();
    await renderWithItsm(<IncidentView incidentId="INC-000001" />, {
      permission: AuthorizeResult.DENY,
    });
    expect(await screen.findByText('HTTP 502 on checkout')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    expect(screen.queryByLabelText('Add to the timeline')).toBeNull();
  });

  it('explains a 403 from the backend', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'no' } },
          { status: 403 },
        ),
      ),
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () =>
        HttpResponse.json(emptyPage),
      ),
    );
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);
    expect(
      await screen.findByText(
        /You don't have access to open incident INC-000001/,
      ),
    ).toBeInTheDocument();
  });
});
