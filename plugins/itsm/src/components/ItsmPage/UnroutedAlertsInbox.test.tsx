import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { UnroutedAlert } from '@backstage-itsm/plugin-itsm-common';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { UnroutedAlertsInbox } from './UnroutedAlertsInbox';

jest.setTimeout(30_000);

const alert: UnroutedAlert = {
  id: '33333333-3333-4333-8333-333333333333',
  source: 'alertmanager',
  dedupKey: 'abc',
  title: 'Disk full on node-7',
  description: '',
  severity: 'critical',
  impact: 1,
  urgency: 1,
  labels: { alertname: 'DiskFull', instance: 'node-7' },
  status: 'pending',
  occurrenceCount: 3,
  startedAt: '2026-11-20T09:55:00Z',
  firstSeenAt: '2026-11-20T10:00:00Z',
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

const ordersDb = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'orders-db',
    namespace: 'default',
    title: 'Orders Database',
  },
  spec: { type: 'database', owner: 'platform-team' },
};

describe('UnroutedAlertsInbox', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('lists pending alerts and assigns one to a catalog entity', async () => {
    let assigned: unknown;
    server.use(
      http.get(`${BASE_URL}/alerts/unrouted`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('status')).toBe('pending');
        return HttpResponse.json({ items: [alert], nextCursor: null });
      }),
      http.post(
        `${BASE_URL}/alerts/unrouted/:id/assign`,
        async ({ request }) => {
          assigned = await request.json();
          return HttpResponse.json(
            { alert: { ...alert, status: 'assigned' }, incident: incident() },
            { status: 201 },
          );
        },
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<UnroutedAlertsInbox />, {
      catalogEntities: [ordersDb as any],
    });

    expect(await screen.findByText('Disk full on node-7')).toBeInTheDocument();
    expect(screen.getByText('P1 critical')).toBeInTheDocument();
    expect(screen.getByText('instance=node-7')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    await user.click(screen.getByLabelText('Entity'));
    await user.click(
      await screen.findByRole('option', { name: /Orders Database/ }),
    );
    await user.click(screen.getByRole('button', { name: 'Open incident' }));
    await waitFor(() =>
      expect(assigned).toEqual({ entityRef: 'resource:default/orders-db' }),
    );
  });

  it('dismisses an alert with the reason asked for, then reloads the inbox', async () => {
    let dismissed: unknown;
    const onChange = jest.fn();
    server.use(
      http.get(`${BASE_URL}/alerts/unrouted`, () =>
        HttpResponse.json({
          items: dismissed ? [] : [alert],
          nextCursor: null,
        }),
      ),
      http.post(
        `${BASE_URL}/alerts/unrouted/:id/dismiss`,
        async ({ request, params }) => {
          dismissed = { id: params.id, body: await request.json() };
          return HttpResponse.json({
            ...alert,
            status: 'dismissed',
            dismissReason: 'Lab node, not production',
            dismissedBy: 'user:default/guest',
            dismissedAt: '2026-11-20T10:20:00Z',
          });
        },
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<UnroutedAlertsInbox onChange={onChange} />);

    await user.click(await screen.findByRole('button', { name: 'Dismiss' }));
    const confirm = screen.getByRole('button', { name: 'Dismiss alert' });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText(/Reason/), '   ');
    expect(confirm).toBeDisabled();
    await user.clear(screen.getByLabelText(/Reason/));
    await user.type(
      screen.getByLabelText(/Reason/),
      'Lab node, not production',
    );
    await user.click(confirm);

    await waitFor(() =>
      expect(dismissed).toEqual({
        id: alert.id,
        body: { reason: 'Lab node, not production' },
      }),
    );
    expect(
      await screen.findByText(/Every alert found its entity/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Disk full on node-7')).not.toBeInTheDocument();
    expect(onChange).toHaveBeenCalled();
  });

  it('shows why a dismissal failed and keeps the dialog open', async () => {
    server.use(
      http.get(`${BASE_URL}/alerts/unrouted`, () =>
        HttpResponse.json({ items: [alert], nextCursor: null }),
      ),
      http.post(`${BASE_URL}/alerts/unrouted/:id/dismiss`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message: 'The alert was assigned already; reload the inbox',
            },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<UnroutedAlertsInbox />);
    await user.click(await screen.findByRole('button', { name: 'Dismiss' }));
    await user.type(screen.getByLabelText(/Reason/), 'Noise');
    await user.click(screen.getByRole('button', { name: 'Dismiss alert' }));
    expect(
      await screen.findByText(/The alert was assigned already/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Dismiss alert' }),
    ).toBeInTheDocument();
  });

  it('says that nothing is dropped when the inbox is empty', async () => {
    server.use(
      http.get(`${BASE_URL}/alerts/unrouted`, () =>
        HttpResponse.json({ items: [], nextCursor: null }),
      ),
    );
    await renderWithItsm(<UnroutedAlertsInbox />);
    expect(
      await screen.findByText(/Every alert found its entity/),
    ).toBeInTheDocument();
  });
});
