import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { TimelineEvent } from '@backstage-itsm/plugin-itsm-common';
import { BASE_URL, emptyPage, incident } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { IncidentView } from './IncidentView';
import { liveDefaultHandlers } from '../../__testUtils__/liveHandlers';
import { timelineEvent } from '../../__testUtils__/timelineEvent';

jest.setTimeout(60_000);

function event(kind: TimelineEvent['kind'], body: string): TimelineEvent {
  return timelineEvent({ id: kind, kind, body });
}

describe('IncidentView postmortem tab', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);
  let postmortemRequests: number;

  function serve(timeline: {
    items: TimelineEvent[];
    nextCursor: string | null;
  }) {
    postmortemRequests = 0;
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001`, () =>
        HttpResponse.json(incident({ status: 'resolved' })),
      ),
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () =>
        HttpResponse.json(timeline),
      ),
      http.get(`${BASE_URL}/incidents/:id/postmortem`, () => {
        postmortemRequests++;
        return HttpResponse.json({
          incidentId: 'i',
          summary: 'The pool ran dry',
          impact: '',
          rootCause: '',
          lessonsLearned: '',
          status: 'draft',
          createdAt: '2026-11-10T09:00:00Z',
          updatedAt: '2026-11-10T09:00:00Z',
          version: 1,
        });
      }),
      http.get(`${BASE_URL}/action-items`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
    );
  }

  async function openTab() {
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);
    await user.click(await screen.findByRole('tab', { name: 'Postmortem' }));
  }

  it('does not ask for a postmortem the timeline shows was never written', async () => {
    serve({ items: [event('note', 'Rolled back')], nextCursor: null });
    await openTab();
    expect(await screen.findByText('Not written yet')).toBeInTheDocument();
    expect(postmortemRequests).toBe(0);
  });

  it('loads a postmortem the timeline shows was written', async () => {
    serve({
      items: [event('postmortem_updated', 'Postmortem started')],
      nextCursor: null,
    });
    await openTab();
    expect(await screen.findByText('The pool ran dry')).toBeInTheDocument();
    expect(postmortemRequests).toBe(1);
  });

  it('asks when the timeline is too long to tell', async () => {
    serve({ items: [event('note', 'Rolled back')], nextCursor: 'more' });
    await openTab();
    expect(await screen.findByText('The pool ran dry')).toBeInTheDocument();
  });

  it('writes the first postmortem, then shows what was saved', async () => {
    serve({ items: [], nextCursor: null });
    let saved: unknown;
    server.use(
      http.put(`${BASE_URL}/incidents/:id/postmortem`, async ({ request }) => {
        saved = await request.json();
        return HttpResponse.json({
          incidentId: 'i',
          summary: 'The pool ran dry',
          impact: '',
          rootCause: '',
          lessonsLearned: '',
          status: 'draft',
          createdAt: '2026-11-10T09:00:00Z',
          updatedAt: '2026-11-10T09:00:00Z',
          version: 1,
        });
      }),
    );
    const user = userEvent.setup({ delay: null });
    await openTab();
    await user.type(
      await screen.findByLabelText('Summary'),
      'The pool ran dry',
    );
    await user.click(screen.getByRole('button', { name: 'Save postmortem' }));
    await waitFor(() => expect(postmortemRequests).toBe(1));
    expect(await screen.findByText('The pool ran dry')).toBeInTheDocument();
    expect(saved).toMatchObject({ summary: 'The pool ran dry' });
    expect(saved).not.toHaveProperty('version');
  });
});
