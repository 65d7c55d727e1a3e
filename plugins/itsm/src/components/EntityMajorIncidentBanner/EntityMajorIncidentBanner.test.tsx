import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  BASE_URL,
  checkoutEntity,
  emptyPage,
  incident,
} from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { EntityMajorIncidentBanner } from './EntityMajorIncidentBanner';

describe('EntityMajorIncidentBanner', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('warns while a P1 or P2 incident is open', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [incident({})], nextCursor: null });
      }),
    );
    await renderWithItsm(<EntityMajorIncidentBanner />, {
      entity: checkoutEntity,
    });
    expect(
      await screen.findByText('A major incident is open on this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'INC-000001' }),
    ).toBeInTheDocument();
    expect(query?.getAll('priority')).toEqual(['1', '2']);
    expect(query?.getAll('status')).toEqual(['new', 'in_progress', 'on_hold']);
  });

  it('shows nothing otherwise', async () => {
    let asked = false;
    server.use(
      http.get(`${BASE_URL}/incidents`, () => {
        asked = true;
        return HttpResponse.json(emptyPage);
      }),
    );
    await renderWithItsm(<EntityMajorIncidentBanner />, {
      entity: checkoutEntity,
    });
    await waitFor(() => expect(asked).toBe(true));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
