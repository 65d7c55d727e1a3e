import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { FollowButton } from './FollowButton';

jest.setTimeout(30_000);

describe('FollowButton', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('follows and unfollows an incident, showing the follower count', async () => {
    let following = false;
    let followers = 2;
    const calls: string[] = [];
    const state = () => HttpResponse.json({ following, followers });
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001/follow`, state),
      http.put(`${BASE_URL}/incidents/INC-000001/follow`, () => {
        calls.push('PUT');
        following = true;
        followers += 1;
        return state();
      }),
      http.delete(`${BASE_URL}/incidents/INC-000001/follow`, () => {
        calls.push('DELETE');
        following = false;
        followers -= 1;
        return state();
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(
      <FollowButton target={{ kind: 'incident', id: 'INC-000001' }} />,
    );

    expect(await screen.findByText('2 followers')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Follow' }));
    expect(await screen.findByText('3 followers')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unfollow' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Unfollow' }));
    expect(await screen.findByText('2 followers')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Follow' })).toBeInTheDocument();
    expect(calls).toEqual(['PUT', 'DELETE']);
  });

  it("follows an entity's incidents by its ref", async () => {
    let asked: string | null = null;
    server.use(
      http.get(`${BASE_URL}/entity-follows`, () =>
        HttpResponse.json({ following: false, followers: 0 }),
      ),
      http.put(`${BASE_URL}/entity-follows`, ({ request }) => {
        asked = new URL(request.url).searchParams.get('entityRef');
        return HttpResponse.json({ following: true, followers: 1 });
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(
      <FollowButton
        target={{ kind: 'entity', entityRef: 'component:default/checkout-api' }}
        what="this entity's incidents"
      />,
    );
    await user.click(
      await screen.findByRole('button', {
        name: "Follow this entity's incidents",
      }),
    );
    expect(await screen.findByText('1 follower')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: "Unfollow this entity's incidents" }),
    ).toBeInTheDocument();
    expect(asked).toBe('component:default/checkout-api');
  });

  it('says why following failed', async () => {
    server.use(
      http.get(`${BASE_URL}/problems/PRB-000001/follow`, () =>
        HttpResponse.json({ following: false, followers: 0 }),
      ),
      http.put(`${BASE_URL}/problems/PRB-000001/follow`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'denied' } },
          { status: 403 },
        ),
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(
      <FollowButton target={{ kind: 'problem', id: 'PRB-000001' }} />,
    );
    await user.click(await screen.findByRole('button', { name: 'Follow' }));
    expect(await screen.findByText(/permission/)).toBeInTheDocument();
    expect(screen.getByText('0 followers')).toBeInTheDocument();
  });

  it('is hidden when following cannot be read', async () => {
    let asked = false;
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001/follow`, () => {
        asked = true;
        return HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'no route' } },
          { status: 404 },
        );
      }),
    );
    await renderWithItsm(
      <FollowButton target={{ kind: 'incident', id: 'INC-000001' }} />,
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(asked).toBe(true);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
