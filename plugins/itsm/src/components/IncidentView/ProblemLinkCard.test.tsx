import { registerMswTestHooks } from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import {
  BASE_URL,
  emptyPage,
  incident,
  problem,
} from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { ProblemLinkCard } from './ProblemLinkCard';

jest.setTimeout(60_000);

const HOLD = 'Put the incident on hold until the problem is solved';

describe('ProblemLinkCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let created: unknown[];

  beforeEach(() => {
    created = [];
    server.use(
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
      http.post(`${BASE_URL}/incidents/:id/problem`, async ({ request }) => {
        created.push(await request.json());
        return HttpResponse.json(problem({}), { status: 201 });
      }),
    );
  });

  function render(overrides: Partial<Incident>, canEdit = true) {
    return renderWithItsm(
      <ProblemLinkCard
        incident={incident(overrides)}
        canEdit={canEdit}
        onChanged={() => {}}
      />,
      { routeEntries: ['/itsm/incidents/INC-000001'] },
    );
  }

  it('leaves an open incident running unless asked to put it on hold', async () => {
    const user = userEvent.setup({ delay: null });
    await render({ status: 'in_progress' });
    expect(await screen.findByLabelText(HOLD)).not.toBeChecked();
    await user.click(
      screen.getByRole('button', { name: 'Create problem from this incident' }),
    );
    await waitFor(() => expect(created).toEqual([{ holdIncident: false }]));
  });

  it('puts an open incident on hold when asked', async () => {
    const user = userEvent.setup({ delay: null });
    await render({ status: 'new' });
    await user.click(await screen.findByLabelText(HOLD));
    await user.click(
      screen.getByRole('button', { name: 'Create problem from this incident' }),
    );
    await waitFor(() => expect(created).toEqual([{ holdIncident: true }]));
  });

  it('offers no hold for a resolved incident', async () => {
    const user = userEvent.setup({ delay: null });
    await render({ status: 'resolved' });
    await user.click(
      await screen.findByRole('button', {
        name: 'Create problem from this incident',
      }),
    );
    expect(screen.queryByLabelText(HOLD)).toBeNull();
    await waitFor(() => expect(created).toEqual([{ holdIncident: false }]));
  });

  it.each([
    ['closed', 'INC-000001 is closed and read-only.'],
    ['cancelled', 'INC-000001 is cancelled and read-only.'],
  ] as const)('says that a %s incident is read-only', async (status, text) => {
    await render({ status }, false);
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.queryByText('You may not change this incident.')).toBeNull();
  });

  it('tells those without permission that they may not change it', async () => {
    await renderWithItsm(
      <ProblemLinkCard
        incident={incident({ status: 'new' })}
        canEdit={false}
        onChanged={() => {}}
      />,
      { permission: AuthorizeResult.DENY },
    );
    expect(
      await screen.findByText('You may not change this incident.'),
    ).toBeInTheDocument();
  });
});
