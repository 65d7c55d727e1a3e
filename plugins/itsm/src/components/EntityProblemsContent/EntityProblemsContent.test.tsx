import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, emptyPage, problem } from '../../__testUtils__/fixtures';
import { mockSignals } from '../../__testUtils__/mockSignals';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { EntityProblemsContent } from './EntityProblemsContent';

jest.setTimeout(60_000);

const ordersDb = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-db', namespace: 'default' },
  spec: { type: 'database', owner: 'platform-team' },
};

describe('EntityProblemsContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('separates problems rooted here, with the services they hurt, from problems hurting this entity', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/problems`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        if (params.get('entityRef')) {
          return HttpResponse.json({
            items: [
              problem({
                affectedEntityRefs: [
                  'component:default/checkout-api',
                  'component:default/order-service',
                ],
              }),
            ],
            nextCursor: null,
          });
        }
        return HttpResponse.json({
          items: [
            problem({
              id: 'p2',
              number: 'PRB-000002',
              title: 'Disk latency on the storage array',
              entityRef: 'resource:default/storage-array',
            }),
          ],
          nextCursor: null,
        });
      }),
    );
    await renderWithItsm(<EntityProblemsContent />, { entity: ordersDb });

    expect(
      await screen.findByText('Problems rooted in this resource'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Connection pool exhausted at peak'),
    ).toBeInTheDocument();
    expect(screen.getByText('order-service')).toBeInTheDocument();
    expect(
      screen.getByText('Problems hurting this resource'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Disk latency on the storage array'),
    ).toBeInTheDocument();
  });

  it('says how problems come about when there are none', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json(emptyPage)),
    );
    await renderWithItsm(<EntityProblemsContent />, { entity: ordersDb });
    expect(await screen.findByText('No open problems')).toBeInTheDocument();
    expect(
      screen.getByText(/Create problem from this incident/),
    ).toBeInTheDocument();
  });
});

describe('EntityProblemsContent of an entity with many problems', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('pages both lists', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json(emptyPage)),
      http.get(`${BASE_URL}/problems`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const rooted = params.has('entityRef');
        const prefix = rooted ? 'Rooted' : 'Hurting';
        const entityRef = rooted ? 'resource:default/orders-db' : null;
        return HttpResponse.json(
          params.get('cursor') === 'next'
            ? {
                items: [
                  problem({
                    id: `${prefix}2`,
                    title: `${prefix} 2`,
                    entityRef,
                  }),
                ],
                nextCursor: null,
              }
            : {
                items: [
                  problem({
                    id: `${prefix}1`,
                    title: `${prefix} 1`,
                    entityRef,
                  }),
                ],
                nextCursor: 'next',
              },
        );
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<EntityProblemsContent />, { entity: ordersDb });

    expect(await screen.findByText('Rooted 1')).toBeInTheDocument();
    expect(await screen.findByText('Hurting 1')).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', {
        name: 'Load more problems rooted in this resource',
      }),
    );
    await user.click(
      screen.getByRole('button', {
        name: 'Load more problems hurting this resource',
      }),
    );
    await waitFor(() => {
      expect(screen.getByText('Rooted 2')).toBeInTheDocument();
      expect(screen.getByText('Hurting 2')).toBeInTheDocument();
    });
  });

  it("reloads a system's problems when any record changes", async () => {
    let served = 0;
    server.use(
      http.get(`${BASE_URL}/problems`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('systemRef')).toBe(
          'system:default/checkout',
        );
        served += 1;
        return HttpResponse.json({
          items: [problem({ title: `Problem seen ${served}` })],
          nextCursor: null,
        });
      }),
    );
    const signals = mockSignals();
    await renderWithItsm(<EntityProblemsContent />, {
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'checkout', namespace: 'default' },
        spec: { owner: 'checkout-team' },
      },
      signalApi: signals.api,
    });
    expect(await screen.findByText('Problem seen 1')).toBeInTheDocument();

    signals.publish('itsm:records', { type: 'problem-updated' });
    expect(
      await screen.findByText('Problem seen 2', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});
