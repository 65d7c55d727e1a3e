import { screen, within } from '@testing-library/react';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { BlastRadiusList } from './BlastRadiusList';

jest.setTimeout(30_000);

const catalogEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'api-gateway',
      namespace: 'default',
      title: 'API Gateway',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'orders-db',
      namespace: 'default',
      title: 'Orders Database',
    },
  },
];

describe('BlastRadiusList', () => {
  it('links the problem, where it is rooted and the entities it hurts, by title', async () => {
    await renderWithItsm(
      <BlastRadiusList
        showRoot
        emptyText="None"
        items={[
          {
            problem: {
              id: 'p',
              number: 'PRB-000004',
              title: 'Pool too small',
              status: 'assess',
              priority: 2,
              entityRef: 'resource:default/orders-db',
              knownError: false,
              createdAt: '2026-10-02T00:00:00.000Z',
            },
            affected: [
              { entityRef: 'component:default/api-gateway', incidentCount: 3 },
              { entityRef: 'component:default/checkout-api', incidentCount: 1 },
            ],
          },
        ]}
      />,
      { catalogEntities },
    );
    const item = screen.getByRole('listitem');
    expect(
      within(item).getByRole('link', { name: 'PRB-000004' }),
    ).toHaveAttribute('href', '/itsm/problems/PRB-000004');
    expect(
      await within(item).findByRole('link', { name: /Orders Database/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/orders-db');
    expect(
      within(item).getByRole('link', { name: /API Gateway/ }),
    ).toHaveAttribute('href', '/catalog/default/component/api-gateway');
    expect(within(item).getByText(/3 incidents/)).toBeInTheDocument();
    expect(within(item).getByText(/1 incident\b/)).toBeInTheDocument();
    expect(within(item).queryByText(/component:|resource:/)).toBeNull();
  });
});
