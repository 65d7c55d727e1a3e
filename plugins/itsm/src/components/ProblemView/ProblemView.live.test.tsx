import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, emptyPage, problem } from '../../__testUtils__/fixtures';
import { liveDefaultHandlers } from '../../__testUtils__/liveHandlers';
import { mockSignals } from '../../__testUtils__/mockSignals';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { ProblemView } from './ProblemView';

jest.setTimeout(60_000);

const ID = problem().id;

describe('ProblemView, live', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

  it('follows the problem and reloads when its signal channel fires', async () => {
    let title = 'Connection pool exhausted at peak';
    let following = false;
    server.use(
      http.get(`${BASE_URL}/problems/PRB-000001`, () =>
        HttpResponse.json(problem({ title })),
      ),
      http.get(`${BASE_URL}/problems/PRB-000001/timeline`, () =>
        HttpResponse.json(emptyPage),
      ),
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/action-items`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/problems/${ID}/follow`, () =>
        HttpResponse.json({ following, followers: following ? 1 : 0 }),
      ),
      http.put(`${BASE_URL}/problems/${ID}/follow`, () => {
        following = true;
        return HttpResponse.json({ following, followers: 1 });
      }),
    );
    const signals = mockSignals();
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />, {
      signalApi: signals.api,
    });

    await user.click(await screen.findByRole('button', { name: 'Follow' }));
    expect(await screen.findByText('1 follower')).toBeInTheDocument();

    await waitFor(() =>
      expect(signals.channels()).toContain(`itsm:problem:${ID}`),
    );
    title = 'Pool exhausted by the nightly batch';
    signals.publish(`itsm:problem:${ID}`, {
      recordType: 'problem',
      id: ID,
      number: 'PRB-000001',
    });
    expect(
      await screen.findByRole('heading', {
        name: 'PRB-000001 · Pool exhausted by the nightly batch',
      }),
    ).toBeInTheDocument();
  });
});
