import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident, problem } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { KnownErrorDatabase } from './KnownErrorDatabase';
import { MyTeamsIncidents } from './MyTeamsIncidents';

jest.setTimeout(30_000);

describe('ITSM page', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("lists the incidents of the signed-in user's teams", async () => {
    let owners: string[] = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        owners = new URL(request.url).searchParams.getAll('ownerRef');
        return HttpResponse.json({ items: [incident({})], nextCursor: null });
      }),
    );
    await renderWithItsm(<MyTeamsIncidents />);
    expect(await screen.findByText('Checkout is down')).toBeInTheDocument();
    // The test app signs in as a guest who owns nothing but itself.
    expect(owners).toEqual(['group:default/none']);
  });

  it('searches the known error database', async () => {
    const searched: (string | null)[] = [];
    server.use(
      http.get(`${BASE_URL}/known-errors`, ({ request }) => {
        const text = new URL(request.url).searchParams.get('text');
        searched.push(text);
        return HttpResponse.json({
          items: [
            problem({
              knownError: true,
              rootCause: 'Pool of 10',
              workaround: text ? 'Restart the pods' : 'Something else',
            }),
          ],
          nextCursor: null,
        });
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<KnownErrorDatabase />);
    expect(await screen.findByText('Something else')).toBeInTheDocument();
    await user.type(
      screen.getByLabelText('Search symptoms, causes and workarounds'),
      'pool',
    );
    // The search waits for typing to pause before it asks.
    expect(
      await screen.findByText('Restart the pods', undefined, { timeout: 5000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(searched).toContain('pool'));
  });
});
