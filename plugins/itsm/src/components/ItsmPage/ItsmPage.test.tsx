import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, problem } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { ItsmPage } from './ItsmPage';
import { KnownErrorDatabase } from './KnownErrorDatabase';
import { liveDefaultHandlers } from '../../__testUtils__/liveHandlers';

jest.setTimeout(30_000);

describe('ITSM page', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

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

  it('shows how many unrouted alerts wait on the inbox tab', async () => {
    const counted: (string | null)[] = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [], nextCursor: null }),
      ),
      http.get(`${BASE_URL}/alerts/unrouted/count`, ({ request }) => {
        counted.push(new URL(request.url).searchParams.get('status'));
        return HttpResponse.json({ count: 3 });
      }),
    );
    await renderWithItsm(<ItsmPage />);
    expect(
      await screen.findByRole('tab', { name: 'Unrouted alerts (3)' }),
    ).toBeInTheDocument();
    expect(counted).toEqual(['pending']);
  });

  it.each([
    ['no alert waits', HttpResponse.json({ count: 0 })],
    [
      'the inbox may not be read',
      HttpResponse.json(
        {
          error: { name: 'NotAllowedError', message: 'Not allowed' },
          response: { statusCode: 403 },
        },
        { status: 403 },
      ),
    ],
  ])('shows no count when %s', async (_case, response) => {
    let asked = 0;
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [], nextCursor: null }),
      ),
      http.get(`${BASE_URL}/alerts/unrouted/count`, () => {
        asked++;
        return response.clone();
      }),
    );
    await renderWithItsm(<ItsmPage />);
    await waitFor(() => expect(asked).toBe(1));
    expect(
      screen.getByRole('tab', { name: 'Unrouted alerts' }),
    ).toBeInTheDocument();
  });
});
