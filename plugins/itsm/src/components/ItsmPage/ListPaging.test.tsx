import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { UnroutedAlert } from '@backstage-itsm/plugin-itsm-common';
import { BASE_URL, problem } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { KnownErrorDatabase } from './KnownErrorDatabase';
import { ProblemsOverview } from './ProblemsOverview';
import { UnroutedAlertsInbox } from './UnroutedAlertsInbox';

jest.setTimeout(60_000);

/** Answers the first page with `first` and a cursor, the next with `second`. */
function paged(first: unknown, second: unknown) {
  return ({ request }: { request: Request }) =>
    HttpResponse.json(
      new URL(request.url).searchParams.get('cursor') === 'next'
        ? { items: [second], nextCursor: null }
        : { items: [first], nextCursor: 'next' },
    );
}

function unroutedAlert(id: string, title: string): UnroutedAlert {
  return {
    id,
    source: 'alertmanager',
    dedupKey: id,
    title,
    description: '',
    severity: 'warning',
    impact: 2,
    urgency: 2,
    labels: {},
    status: 'pending',
    occurrenceCount: 1,
    firstSeenAt: '2026-11-20T10:00:00Z',
    startedAt: '2026-11-20T09:58:00Z',
    lastSeenAt: '2026-11-20T10:10:00Z',
    endedAt: null,
    incidentId: null,
    assignedBy: null,
    assignedAt: null,
    dismissedBy: null,
    dismissedAt: null,
    dismissReason: null,
    reporterRef: 'service:external:alertmanager',
  };
}

describe('lists of the ITSM page', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Shows `first`, loads more, then shows both and no further "Load more". */
  async function loadMore(what: string, first: string, second: string) {
    const user = userEvent.setup({ delay: null });
    await screen.findByText(first);
    const before = screen.queryByText(second);
    await user.click(screen.getByRole('button', { name: `Load more ${what}` }));
    await screen.findByText(second);
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: `Load more ${what}` }),
      ).toBeNull(),
    );
    return { before, after: [first, second].map(t => screen.queryByText(t)) };
  }

  it('pages the problems', async () => {
    server.use(
      http.get(
        `${BASE_URL}/problems`,
        paged(
          problem({ id: 'p1', number: 'PRB-000002', title: 'Newer problem' }),
          problem({ id: 'p2', number: 'PRB-000001', title: 'Older problem' }),
        ),
      ),
    );
    await renderWithItsm(<ProblemsOverview />);
    const shown = await loadMore('problems', 'Newer problem', 'Older problem');
    expect(shown.before).toBeNull();
    expect(shown.after).not.toContain(null);
  });

  it('pages the known errors', async () => {
    server.use(
      http.get(
        `${BASE_URL}/known-errors`,
        paged(
          problem({ id: 'p1', number: 'PRB-000002', title: 'Newer error' }),
          problem({ id: 'p2', number: 'PRB-000001', title: 'Older error' }),
        ),
      ),
    );
    await renderWithItsm(<KnownErrorDatabase />);
    const shown = await loadMore('known errors', 'Newer error', 'Older error');
    expect(shown.before).toBeNull();
    expect(shown.after).not.toContain(null);
  });

  it('pages the unrouted alerts', async () => {
    server.use(
      http.get(
        `${BASE_URL}/alerts/unrouted`,
        paged(
          unroutedAlert('a1', 'Disk full on node-8'),
          unroutedAlert('a2', 'Disk full on node-7'),
        ),
      ),
    );
    await renderWithItsm(<UnroutedAlertsInbox />);
    const shown = await loadMore(
      'unrouted alerts',
      'Disk full on node-8',
      'Disk full on node-7',
    );
    expect(shown.before).toBeNull();
    expect(shown.after).not.toContain(null);
  });
});
