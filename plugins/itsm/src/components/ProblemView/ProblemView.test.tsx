import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
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
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { ProblemView } from './ProblemView';

jest.setTimeout(30_000);

describe('ProblemView', () => {
  const server = setupServer();
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
    await waitFor(() => expect(published).toEqual({ version: 1 }));
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
  const server = setupServer();
  registerMswTestHooks(server);

  it('accepts or rejects the proposal', async () => {
    const moves: any[] = [];
    server.use(
      http.get(`${BASE_URL}/problems/PRB-000001`, () =>
        HttpResponse.json(
          problem({
            status: 'new',
            source: 'detected',
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
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);
    expect(
      await screen.findByText(/3 availability incidents on checkout-api/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reject proposal' }));
    await waitFor(() =>
      expect(moves).toEqual([
        {
          version: 1,
          to: 'closed',
          resolutionCode: 'cancelled',
          resolutionNotes: 'Proposal rejected',
        },
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Accept proposal' }));
    await waitFor(() => expect(moves[1]).toEqual({ version: 1, to: 'assess' }));
  });
});
