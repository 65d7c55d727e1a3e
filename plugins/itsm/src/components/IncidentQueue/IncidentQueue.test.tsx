import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { IncidentQueue } from './IncidentQueue';

jest.setTimeout(60_000);

const P1 = incident({
  id: '34634634-6346-4346-8346-346346346346',
  number: 'INC-000346',
  title: 'Card payments fail',
  entityRef: 'component:default/payments-api',
  ownerRef: 'group:default/payments-team',
});
const P3 = incident({
  id: '35035035-0350-4350-8350-350350350350',
  number: 'INC-000350',
  title: 'Slow refunds',
  priority: 3,
  entityRef: 'component:default/payments-api',
  ownerRef: 'group:default/payments-team',
});

describe('IncidentQueue', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let asked: URLSearchParams[];

  beforeEach(() => {
    asked = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        const pinned = params.getAll('priority').join() === '1,2';
        return HttpResponse.json({
          items: pinned ? [P1] : [P1, P3],
          nextCursor: null,
        });
      }),
    );
  });

  const lists = () => asked.filter(p => p.getAll('priority').join() !== '1,2');

  it('pins the open P1 and P2 incidents of every team above the rest', async () => {
    await renderWithItsm(<IncidentQueue />);
    const pinned = await screen.findByRole('region', {
      name: 'Open P1 and P2 incidents',
    });
    expect(within(pinned).getByText('Card payments fail')).toBeInTheDocument();
    expect(await screen.findByText('Slow refunds')).toBeInTheDocument();
    // Shown once, pinned.
    expect(screen.getAllByText('INC-000346')).toHaveLength(1);

    const query = lists()[0];
    expect(query.has('ownerRef')).toBe(false);
    expect(query.get('sort')).toBe('priority');
    expect(query.getAll('status')).toEqual(['new', 'in_progress', 'on_hold']);
    const pinnedQuery = asked.find(p => p.getAll('priority').join() === '1,2')!;
    expect(pinnedQuery.getAll('status')).toEqual([
      'new',
      'in_progress',
      'on_hold',
    ]);
  });

  it('takes its filters and order from the URL, so views can be shared', async () => {
    await renderWithItsm(<IncidentQueue />, {
      routeEntries: [
        '/?entity=component%3Adefault%2Fpayments-api&sort=oldest&assignee=none&source=alert&status=all&q=card',
      ],
    });
    expect(await screen.findByText('Slow refunds')).toBeInTheDocument();
    const query = lists()[0];
    expect(query.getAll('entityRef')).toEqual([
      'component:default/payments-api',
    ]);
    expect(query.get('sort')).toBe('oldest');
    expect(query.get('assignee')).toBe('none');
    expect(query.getAll('source')).toEqual(['alert']);
    expect(query.has('status')).toBe(false);
    expect(query.get('text')).toBe('card');
  });

  it('asks again when a filter, the order or the words change', async () => {
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<IncidentQueue />);
    expect(await screen.findByText('Slow refunds')).toBeInTheDocument();

    fireEvent.mouseDown(screen.getByRole('button', { name: /Assigned/ }));
    await user.click(await screen.findByRole('option', { name: 'To me' }));
    await waitFor(() => expect(lists().at(-1)?.get('assignee')).toBe('me'));

    fireEvent.mouseDown(screen.getByRole('button', { name: /Order/ }));
    await user.click(
      await screen.findByRole('option', { name: 'Newest first' }),
    );
    await waitFor(() => expect(lists().at(-1)?.get('sort')).toBe('newest'));

    await user.type(
      screen.getByRole('searchbox', { name: 'Search words or number' }),
      'gateway 503',
    );
    await waitFor(
      () => expect(lists().at(-1)?.get('text')).toBe('gateway 503'),
      { timeout: 5000 },
    );
    expect(lists().at(-1)?.get('assignee')).toBe('me');

    await user.click(screen.getByRole('checkbox', { name: 'My teams' }));
    // The test app's user belongs to no team, so no owner matches.
    await waitFor(() =>
      expect(lists().at(-1)?.getAll('ownerRef')).toEqual([
        'group:default/none',
      ]),
    );
  });
});
