import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import {
  BASE_URL,
  emptyPage,
  incident,
  problem,
} from '../../__testUtils__/fixtures';
import { pickRecord } from '../../__testUtils__/pickRecord';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { ProblemView } from './ProblemView';
import { liveDefaultHandlers } from '../../__testUtils__/liveHandlers';

jest.setTimeout(30_000);

describe('ProblemView', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

  function serve(overrides: Partial<Problem>) {
    server.use(
      http.get(`${BASE_URL}/problems/PRB-000001`, () =>
        HttpResponse.json(problem(overrides)),
      ),
      http.get(`${BASE_URL}/problems/PRB-000001/timeline`, () =>
        HttpResponse.json(emptyPage),
      ),
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [incident({})], nextCursor: null }),
      ),
      http.get(`${BASE_URL}/action-items`, () => HttpResponse.json(emptyPage)),
    );
  }

  it('keeps "Publish as known error" disabled until root cause and workaround exist', async () => {
    serve({});
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);
    expect(
      await screen.findByRole('button', { name: 'Publish as known error' }),
    ).toBeDisabled();
    expect(screen.getByText('INC-000001')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start fix' }),
    ).toBeInTheDocument();
  });

  it('publishes a documented problem as a known error', async () => {
    serve({ rootCause: 'Pool of 10', workaround: 'Restart pods' });
    let published: any;
    server.use(
      http.post(`${BASE_URL}/problems/:id/known-error`, async ({ request }) => {
        published = await request.json();
        return HttpResponse.json(problem({ knownError: true, version: 2 }));
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);
    await user.click(
      await screen.findByRole('button', { name: 'Publish as known error' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'offered to whoever logs an incident on the services it affects',
    );
    expect(published).toBeUndefined();
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(published).toEqual({ version: 1 }));
  });

  it('renames the problem in place', async () => {
    serve({});
    let patched: any;
    server.use(
      http.patch(`${BASE_URL}/problems/:id`, async ({ request }) => {
        patched = await request.json();
        return HttpResponse.json(problem({ title: 'New', version: 2 }));
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);
    await user.click(await screen.findByRole('button', { name: 'Edit title' }));
    const field = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(field);
    await user.type(field, '  orders-db pool exhausted at peak ');
    await user.click(screen.getByRole('button', { name: 'Save title' }));
    await waitFor(() =>
      expect(patched).toEqual({
        version: 1,
        title: 'orders-db pool exhausted at peak',
      }),
    );
  });

  it('offers to move an incident that another problem holds', async () => {
    serve({});
    const links: any[] = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        const text = new URL(request.url).searchParams.get('text');
        const held = incident({
          id: '77777777-7777-4777-8777-777777777777',
          number: 'INC-000007',
        });
        return HttpResponse.json({
          items: text === '7' ? [held] : [incident({})],
          nextCursor: null,
        });
      }),
      http.get(`${BASE_URL}/incidents/:id`, () =>
        HttpResponse.json(
          incident({
            id: '77777777-7777-4777-8777-777777777777',
            number: 'INC-000007',
            problemId: '33333333-3333-4333-8333-333333333333',
          }),
        ),
      ),
      http.post(
        `${BASE_URL}/problems/:id/incidents/:incidentId`,
        async ({ request }) => {
          const body: any = await request.json();
          links.push(body);
          if (!body.move) {
            return HttpResponse.json(
              {
                error: {
                  name: 'ConflictError',
                  message:
                    'INC-000007 is linked to PRB-000003 “Old problem”; move it here to link it to PRB-000001 instead',
                },
                response: { statusCode: 409 },
              },
              { status: 409 },
            );
          }
          return HttpResponse.json(problem({ incidentCount: 2, version: 2 }));
        },
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);
    await pickRecord(user, 'Incident to link', '7', /INC-000007/);
    await user.click(screen.getByRole('button', { name: 'Link incident' }));
    expect(
      await screen.findByText(
        /INC-000007 is linked to PRB-000003 “Old problem”/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Someone else changed/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Move it here' }));
    await waitFor(() =>
      expect(links).toEqual([
        { holdIncident: false },
        { holdIncident: false, move: true },
      ]),
    );
  });

  it('unlinks an incident', async () => {
    serve({});
    let unlinked = false;
    server.use(
      http.delete(`${BASE_URL}/problems/:id/incidents/:incidentId`, () => {
        unlinked = true;
        return HttpResponse.json(problem({ incidentCount: 0, version: 2 }));
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);
    await user.click(
      await screen.findByRole('button', { name: 'Unlink INC-000001' }),
    );
    await waitFor(() => expect(unlinked).toBe(true));
  });
});

describe('ProblemView of a detected proposal', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

  function serveProposal() {
    const moves: any[] = [];
    server.use(
      http.get(`${BASE_URL}/problems/PRB-000001`, () =>
        HttpResponse.json(
          problem({
            status: 'new',
            source: 'detected',
            incidentCount: 3,
            detectionReason:
              '3 availability incidents on checkout-api in 7 days',
          }),
        ),
      ),
      http.get(`${BASE_URL}/problems/PRB-000001/timeline`, () =>
        HttpResponse.json(emptyPage),
      ),
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/action-items`, () => HttpResponse.json(emptyPage)),
      http.post(`${BASE_URL}/problems/:id/transitions`, async ({ request }) => {
        moves.push(await request.json());
        return HttpResponse.json(problem({ status: 'assess', version: 2 }));
      }),
    );
    return moves;
  }

  it('rejects the proposal with a reason, after saying what rejecting does', async () => {
    const moves = serveProposal();
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);
    expect(
      await screen.findByText(/3 availability incidents on checkout-api/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reject proposal' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Its 3 incidents are released, so that they can be linked to the right problem',
    );
    const confirm = within(dialog).getByRole('button', { name: 'Reject' });
    expect(confirm).toBeDisabled();
    await user.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'Three unrelated deploys',
    );
    await user.click(confirm);
    await waitFor(() =>
      expect(moves).toEqual([
        {
          version: 1,
          to: 'closed',
          resolutionCode: 'cancelled',
          resolutionNotes: 'Three unrelated deploys',
        },
      ]),
    );
  });

  it('accepts the proposal after confirmation', async () => {
    const moves = serveProposal();
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);
    await user.click(
      await screen.findByRole('button', { name: 'Accept proposal' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('moves on to assessment');
    expect(moves).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(moves).toEqual([{ version: 1, to: 'assess' }]));
  });
});
