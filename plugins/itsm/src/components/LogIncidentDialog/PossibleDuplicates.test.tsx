import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  BASE_URL,
  checkoutEntity,
  emptyPage,
  incident,
} from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { LogIncidentDialog } from './LogIncidentDialog';

jest.setTimeout(60_000);

describe('possible duplicates while logging', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('adds the report to the open incident instead of logging another', async () => {
    const asked: (string | null)[] = [];
    let note: any;
    let created = false;
    const open = incident({
      id: '34634634-6346-4346-8346-346346346346',
      number: 'INC-000346',
      title: 'Checkout times out',
    });
    server.use(
      http.get(`${BASE_URL}/known-errors`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/incidents/possible-duplicates`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        expect(params.get('entityRef')).toBe('component:default/checkout-api');
        asked.push(params.get('text'));
        return HttpResponse.json({
          items: [
            {
              incident: open,
              via: 'dependency',
              path: [
                'component:default/checkout-api',
                'resource:default/orders-db',
              ],
            },
          ],
        });
      }),
      http.post(
        `${BASE_URL}/incidents/:id/notes`,
        async ({ request, params }) => {
          note = { id: params.id, ...((await request.json()) as object) };
          return HttpResponse.json({}, { status: 201 });
        },
      ),
      http.post(`${BASE_URL}/incidents`, () => {
        created = true;
        return HttpResponse.json(incident({}), { status: 201 });
      }),
    );
    const onLogged = jest.fn();
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(
      <LogIncidentDialog
        entity={checkoutEntity}
        open
        onClose={() => {}}
        onLogged={onLogged}
      />,
    );
    const region = await screen.findByRole('region', {
      name: 'Possible duplicates',
    });
    expect(region).toHaveTextContent('An incident is already open here');
    expect(region).toHaveTextContent('On a dependency of the entity');
    const same = within(region).getByRole('button', {
      name: 'Same incident as INC-000346',
    });
    expect(same).toBeDisabled();

    fireEvent.change(screen.getByRole('textbox', { name: /Title/ }), {
      target: { value: 'Checkout timeout' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /Description/ }), {
      target: { value: 'Orders fail after 30 s' },
    });
    await waitFor(() => expect(asked).toContain('Checkout timeout'), {
      timeout: 5000,
    });
    await user.click(
      within(
        await screen.findByRole('region', { name: 'Possible duplicates' }),
      ).getByRole('button', { name: 'Same incident as INC-000346' }),
    );

    await waitFor(() => expect(onLogged).toHaveBeenCalled());
    expect(onLogged.mock.calls[0][0].number).toBe('INC-000346');
    expect(note).toEqual({
      id: open.id,
      body: 'Checkout timeout\n\nOrders fail after 30 s',
      visibility: 'internal',
    });
    expect(created).toBe(false);
  });
});
