import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Incident, OPEN_INCIDENT_STATUSES } from '@internal/plugin-itsm-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ItsmApi, itsmApiRef } from '../../api';
import { EntityIncidentsContent } from './EntityIncidentsContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

function incident(overrides: Partial<Incident>): Incident {
  return {
    id: 'id-1',
    number: 'INC-000001',
    title: 'Checkout is down',
    description: '',
    entityRef: 'component:default/checkout',
    ownerRef: 'group:default/team-a',
    category: 'software',
    impact: 1,
    urgency: 1,
    priority: 1,
    major: false,
    status: 'new',
    holdReason: null,
    assigneeRef: 'user:default/jane.doe',
    reporterRef: 'user:default/john',
    source: 'manual',
    dedupKey: null,
    occurrenceCount: 1,
    workaround: null,
    resolutionCode: null,
    resolutionNotes: null,
    problemId: null,
    detectedAt: new Date(Date.now() - 3 * 60 * 60 * 1000).toISOString(),
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    createdAt: '2024-05-10T09:00:00Z',
    updatedAt: '2024-05-10T09:00:00Z',
    version: 1,
    ...overrides,
  };
}

describe('EntityIncidentsContent', () => {
  const listIncidents = jest.fn<
    ReturnType<ItsmApi['listIncidents']>,
    Parameters<ItsmApi['listIncidents']>
  >();
  const itsmApi: jest.Mocked<ItsmApi> = {
    listIncidents,
    getAnalysis: jest.fn(),
  };

  beforeEach(() => {
    listIncidents.mockReset();
  });

  function render() {
    return renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, itsmApi]]}>
        <EntityProvider entity={entity}>
          <EntityIncidentsContent />
        </EntityProvider>
      </TestApiProvider>,
    );
  }

  it('lists the open incidents of the entity', async () => {
    listIncidents.mockResolvedValue({
      items: [
        incident({}),
        incident({
          id: 'id-2',
          number: 'INC-000002',
          title: 'Slow payments',
          priority: 3,
          status: 'in_progress',
          assigneeRef: null,
          detectedAt: new Date(Date.now() - 2 * 86400 * 1000).toISOString(),
        }),
      ],
      nextCursor: null,
    });

    await render();

    expect(await screen.findByText('Checkout is down')).toBeInTheDocument();
    expect(screen.getByText('INC-000001')).toBeInTheDocument();
    expect(screen.getByText('P1 critical')).toBeInTheDocument();
    expect(screen.getByText('New')).toBeInTheDocument();
    expect(screen.getByText('jane.doe')).toBeInTheDocument();
    expect(screen.getByText('3h')).toBeInTheDocument();
    expect(screen.getByText('Slow payments')).toBeInTheDocument();
    expect(screen.getByText('P3 moderate')).toBeInTheDocument();
    expect(screen.getByText('In progress')).toBeInTheDocument();
    expect(screen.getByText('Unassigned')).toBeInTheDocument();
    expect(screen.getByText('2d')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    expect(listIncidents).toHaveBeenCalledTimes(1);
    expect(listIncidents).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/checkout',
        status: [...OPEN_INCIDENT_STATUSES],
      }),
    );
  });

  it('shows an empty state', async () => {
    listIncidents.mockResolvedValue({ items: [], nextCursor: null });

    await render();

    expect(
      await screen.findByText(/This component has no open incidents/),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'All' }));

    expect(
      await screen.findByText(
        'No incidents have been logged for this component.',
      ),
    ).toBeInTheDocument();
  });

  it('shows an error panel when the request fails', async () => {
    listIncidents.mockRejectedValue(new Error('backend unavailable'));

    await render();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'backend unavailable',
    );
    expect(screen.queryByText('Checkout is down')).toBeNull();
  });

  it('refetches without the status filter when All is chosen', async () => {
    listIncidents.mockResolvedValueOnce({
      items: [incident({})],
      nextCursor: null,
    });
    listIncidents.mockResolvedValueOnce({
      items: [
        incident({}),
        incident({
          id: 'id-2',
          number: 'INC-000002',
          title: 'Old outage',
          status: 'closed',
        }),
      ],
      nextCursor: null,
    });

    await render();
    expect(await screen.findByText('Checkout is down')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'All' }));

    expect(await screen.findByText('Old outage')).toBeInTheDocument();
    expect(listIncidents).toHaveBeenCalledTimes(2);
    expect(listIncidents.mock.calls[1][0]).toEqual(
      expect.objectContaining({ entityRef: 'component:default/checkout' }),
    );
    expect(listIncidents.mock.calls[1][0].status).toBeUndefined();
  });

  it('loads more incidents with the next cursor', async () => {
    listIncidents.mockResolvedValueOnce({
      items: [incident({})],
      nextCursor: 'cursor-2',
    });
    listIncidents.mockResolvedValueOnce({
      items: [
        incident({ id: 'id-2', number: 'INC-000002', title: 'Second page' }),
      ],
      nextCursor: null,
    });

    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );

    expect(await screen.findByText('Second page')).toBeInTheDocument();
    expect(screen.getByText('Checkout is down')).toBeInTheDocument();
    expect(listIncidents).toHaveBeenLastCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/checkout',
        status: [...OPEN_INCIDENT_STATUSES],
        cursor: 'cursor-2',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull(),
    );
  });
});
