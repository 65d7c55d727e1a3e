import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { IncidentList } from './IncidentList';

jest.setTimeout(30_000);

describe('IncidentList', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('names assignees as their catalog pages do', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({
          items: [incident({ assigneeRef: 'user:default/alice.nguyen' })],
          nextCursor: null,
        }),
      ),
    );
    await renderWithItsm(
      <IncidentList
        title="Incidents"
        baseQuery={{}}
        emptyDescription={() => 'None'}
      />,
      {
        catalogEntities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'alice.nguyen', namespace: 'default' },
            spec: { profile: { displayName: 'Alice Nguyen' } },
          },
        ],
      },
    );
    const row = (await screen.findByText('Checkout is down')).closest('tr')!;
    expect(
      await within(row).findByRole('link', { name: /Alice Nguyen/ }),
    ).toHaveAttribute('href', '/catalog/default/user/alice.nguyen');
    expect(within(row).queryByText('alice.nguyen')).toBeNull();
  });

  it('keeps words whole and gives the title the room the narrow columns leave', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [incident({})], nextCursor: null }),
      ),
    );
    await renderWithItsm(
      <IncidentList
        title="Incidents"
        baseQuery={{}}
        showEntity
        emptyDescription={() => 'None'}
      />,
    );
    const row = (await screen.findByText('Checkout is down')).closest('tr')!;
    const headers = screen.getAllByRole('columnheader');
    const header = (name: string) => headers.find(h => h.textContent === name)!;
    for (const name of ['Number', 'Priority', 'Age']) {
      expect(header(name)).toHaveStyle({ width: '1%', whiteSpace: 'nowrap' });
    }
    expect(header('Title').style.width).not.toBe('1%');
    for (const cell of within(row).getAllByRole('cell')) {
      expect(cell).toHaveStyle({ wordBreak: 'normal' });
    }
    expect(within(row).getByText('INC-000001').closest('td')).toHaveStyle({
      whiteSpace: 'nowrap',
    });
  });
});
