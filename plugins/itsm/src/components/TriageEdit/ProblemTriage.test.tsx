import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import { BASE_URL, emptyPage, problem } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { ProblemsOverview } from '../ItsmPage/ProblemsOverview';
import { ProblemView } from '../ProblemView';

jest.setTimeout(60_000);

const cartService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart-service', namespace: 'default' },
};

describe('editing and opening problems', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function serve(first: Partial<Problem>) {
    const state = { current: problem(first) };
    server.use(
      http.get(`${BASE_URL}/problems/PRB-000001`, () =>
        HttpResponse.json(state.current),
      ),
      http.get(`${BASE_URL}/problems/PRB-000001/timeline`, () =>
        HttpResponse.json(emptyPage),
      ),
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/action-items`, () => HttpResponse.json(emptyPage)),
    );
    return state;
  }

  it('changes the title and the affected services of a problem', async () => {
    serve({});
    let patched: any;
    server.use(
      http.patch(`${BASE_URL}/problems/:id`, async ({ request }) => {
        patched = await request.json();
        return HttpResponse.json(problem({ version: 2 }));
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />, {
      catalogEntities: [cartService],
    });
    await user.click(
      await screen.findByRole('button', { name: 'Edit PRB-000001' }),
    );
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('textbox', { name: /Title/ });
    await user.clear(title);
    await user.type(title, 'orders-db pool exhausted at peak');
    await user.click(
      within(dialog).getByLabelText('Remove component:default/checkout-api'),
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Add an affected service' }),
      'cart',
    );
    await user.click(
      await screen.findByRole('option', { name: /cart-service/ }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(patched).toEqual({
        version: 1,
        title: 'orders-db pool exhausted at peak',
        affectedEntityRefs: ['component:default/cart-service'],
      }),
    );
  });

  it('says someone else changed the problem and shows their version', async () => {
    const state = serve({});
    server.use(
      http.patch(`${BASE_URL}/problems/:id`, () => {
        state.current = problem({ category: 'performance', version: 2 });
        return HttpResponse.json(
          { error: { name: 'ConflictError', message: 'stale' } },
          { status: 409 },
        );
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemView problemId="PRB-000001" />);
    await user.click(
      await screen.findByRole('button', { name: 'Edit PRB-000001' }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.type(
      within(dialog).getByRole('textbox', { name: /Problem statement/ }),
      ' at noon',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(/Someone else changed PRB-000001/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: /Category/ }),
      ).toHaveTextContent('performance'),
    );
  });

  it('opens a new problem from the problems view', async () => {
    let created: any;
    server.use(
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
      http.post(`${BASE_URL}/problems`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(problem({ number: 'PRB-000042' }), {
          status: 201,
        });
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<ProblemsOverview />, {
      catalogEntities: [cartService],
    });
    await user.click(
      await screen.findByRole('button', { name: 'New problem' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Title/ }), {
      target: { value: 'Carts empty at peak' },
    });
    fireEvent.change(
      within(dialog).getByRole('textbox', { name: /Problem statement/ }),
      { target: { value: 'Carts come back empty every evening' } },
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Add an affected service' }),
      'cart',
    );
    await user.click(
      await screen.findByRole('option', { name: /cart-service/ }),
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Open problem' }),
    );
    await waitFor(() =>
      expect(created).toEqual({
        title: 'Carts empty at peak',
        statement: 'Carts come back empty every evening',
        category: 'availability',
        impact: 2,
        urgency: 2,
        affectedEntityRefs: ['component:default/cart-service'],
      }),
    );
  });
});
