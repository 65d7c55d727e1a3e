import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
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

function event(id: string, body: string): TimelineEvent {
  return timelineEvent({ id, body });
}

describe('IncidentView timeline', () => {
  const server = setupServer(...liveDefaultHandlers);
  registerMswTestHooks(server);

  it('loads older events on demand, past the first page', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001`, () =>
        HttpResponse.json(incident({})),
      ),
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json(
          cursor === 'older'
            ? { items: [event('1', 'Alert fired first')], nextCursor: null }
            : { items: [event('2', 'Latest note')], nextCursor: 'older' },
        );
      }),
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/incidents/:id/known-errors`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);

    expect(await screen.findByText('Latest note')).toBeInTheDocument();
    expect(screen.queryByText('Alert fired first')).toBeNull();
    await user.click(
      screen.getByRole('button', { name: 'Load more timeline events' }),
    );
    expect(await screen.findByText('Alert fired first')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Load more timeline events' }),
    ).toBeNull();
  });

  it('shows an action item added to the postmortem in the timeline at once', async () => {
    let added = false;
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001`, () =>
        HttpResponse.json(incident({ status: 'resolved' })),
      ),
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () =>
        HttpResponse.json({
          items: added ? [event('1', 'Action item added: Add a canary')] : [],
          nextCursor: null,
        }),
      ),
      http.get(`${BASE_URL}/incidents/:id/postmortem`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'none yet' } },
          { status: 404 },
        ),
      ),
      http.get(`${BASE_URL}/action-items`, () => HttpResponse.json(emptyPage)),
      http.post(`${BASE_URL}/action-items`, () => {
        added = true;
        return HttpResponse.json({}, { status: 201 });
      }),
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/incidents/:id/known-errors`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<IncidentView incidentId="INC-000001" />);

    await user.click(await screen.findByRole('tab', { name: 'Postmortem' }));
    await user.type(
      await screen.findByLabelText('New action item'),
      'Add a canary',
    );
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    expect(
      await within(timeline).findByText('Action item added: Add a canary'),
    ).toBeInTheDocument();
  });
});
