import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ActionItem, TimelineEvent } from '@backstage-itsm/plugin-itsm-common';
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
import { timelineEvent } from '../../__testUtils__/timelineEvent';

jest.setTimeout(60_000);

function event(id: string, body: string): TimelineEvent {
  return timelineEvent({ id, recordType: 'problem', recordId: 'p', body });
}

function actionItem(id: string, title: string): ActionItem {
  return {
    id,
    parentType: 'problem',
    parentId: 'p',
    title,
    ownerRef: null,
    dueAt: null,
    status: 'open',
    kind: 'corrective',
    createdAt: '2026-11-10T09:00:00Z',
    updatedAt: '2026-11-10T09:00:00Z',
    completedAt: null,
    version: 1,
  };
}

describe('ProblemView after a change', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

  it('shows a newly linked incident and its timeline entry at once', async () => {
    let linked = false;
    server.use(
      // Linking changes the incident, not the problem: its version stays.
      http.get(`${BASE_URL}/problems/PRB-000001`, () =>
        HttpResponse.json(problem({ incidentCount: linked ? 1 : 0 })),
      ),
      http.get(`${BASE_URL}/problems/PRB-000001/timeline`, () =>
        HttpResponse.json({
          items: linked ? [event('e1', 'Linked INC-000007')] : [],
          nextCursor: null,
        }),
      ),
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        const pool = incident({ number: 'INC-000007', title: 'Pool empty' });
        const searched = new URL(request.url).searchParams.get('text');
        return HttpResponse.json({
          items: linked || searched === 'pool' ? [pool] : [],
          nextCursor: null,
        });
      }),
      http.get(`${BASE_URL}/action-items`, () => HttpResponse.json(emptyPage)),
      http.post(`${BASE_URL}/problems/:id/incidents/:incidentId`, () => {
        linked = true;
        return HttpResponse.json(problem({ incidentCount: 1 }));
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);

    await pickRecord(user, 'Incident to link', 'pool', /INC-000007/);
    await user.click(screen.getByRole('button', { name: 'Link incident' }));

    const list = await screen.findByRole('list', { name: 'Linked incidents' });
    expect(await within(list).findByText('Pool empty')).toBeInTheDocument();
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    expect(
      await within(timeline).findByText('Linked INC-000007'),
    ).toBeInTheDocument();
  });

  it('shows an added action item in the timeline at once', async () => {
    let added = false;
    server.use(
      http.get(`${BASE_URL}/problems/PRB-000001`, () =>
        HttpResponse.json(problem({})),
      ),
      http.get(`${BASE_URL}/problems/PRB-000001/timeline`, () =>
        HttpResponse.json({
          items: added ? [event('e1', 'Action item added: Resize pool')] : [],
          nextCursor: null,
        }),
      ),
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/action-items`, () =>
        HttpResponse.json({
          items: added ? [actionItem('a1', 'Resize pool')] : [],
          nextCursor: null,
        }),
      ),
      http.post(`${BASE_URL}/action-items`, () => {
        added = true;
        return HttpResponse.json(actionItem('a1', 'Resize pool'), {
          status: 201,
        });
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);

    await user.type(
      await screen.findByLabelText('New action item'),
      'Resize pool',
    );
    await user.click(screen.getByRole('button', { name: 'Add' }));

    const items = await screen.findByRole('list', { name: 'Action items' });
    expect(await within(items).findByText('Resize pool')).toBeInTheDocument();
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    expect(
      await within(timeline).findByText('Action item added: Resize pool'),
    ).toBeInTheDocument();
  });
});

describe('ProblemView of a long history', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

  function paged<T>(first: T[], second: T[]) {
    return ({ request }: { request: Request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return HttpResponse.json(
        cursor === 'next'
          ? { items: second, nextCursor: null }
          : { items: first, nextCursor: 'next' },
      );
    };
  }

  it('loads more linked incidents, action items and timeline events on demand', async () => {
    server.use(
      http.get(`${BASE_URL}/problems/PRB-000001`, () =>
        HttpResponse.json(problem({ incidentCount: 2 })),
      ),
      http.get(
        `${BASE_URL}/problems/PRB-000001/timeline`,
        paged([event('e2', 'Newer note')], [event('e1', 'Older note')]),
      ),
      http.get(
        `${BASE_URL}/incidents`,
        paged(
          [incident({ id: 'i1', number: 'INC-000001', title: 'First' })],
          [incident({ id: 'i2', number: 'INC-000002', title: 'Second' })],
        ),
      ),
      http.get(
        `${BASE_URL}/action-items`,
        paged([actionItem('a1', 'Resize pool')], [actionItem('a2', 'Alert')]),
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);

    expect(await screen.findByText('Newer note')).toBeInTheDocument();
    expect(await screen.findByText('First')).toBeInTheDocument();
    expect(await screen.findByText('Resize pool')).toBeInTheDocument();
    expect(screen.queryByText('Older note')).toBeNull();

    await user.click(
      screen.getByRole('button', { name: 'Load more timeline events' }),
    );
    await user.click(
      screen.getByRole('button', { name: 'Load more linked incidents' }),
    );
    await user.click(
      screen.getByRole('button', { name: 'Load more action items' }),
    );
    expect(await screen.findByText('Older note')).toBeInTheDocument();
    expect(await screen.findByText('Second')).toBeInTheDocument();
    expect(await screen.findByText('Alert')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Load more/ })).toBeNull(),
    );
  });
});
