import { SlaAnalysis } from '@backstage-itsm/plugin-itsm-common';
import { screen, within } from '@testing-library/react';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { SlaChart, formatShare } from './SlaChart';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { ReliabilityView } from '../ReliabilityCharts';

jest.setTimeout(30_000);

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}

const analysis: SlaAnalysis = {
  byPriority: [
    {
      priority: 1,
      respond: { met: 2, breached: 1, share: 2 / 3 },
      resolve: { met: 1, breached: 1, share: 0.5 },
    },
    {
      priority: 2,
      respond: { met: 1, breached: 0, share: 1 },
      resolve: { met: 0, breached: 0, share: null },
    },
  ],
  weekly: [
    {
      weekStart: '2026-11-02T00:00:00.000Z',
      respond: { met: 1, breached: 1, share: 0.5 },
      resolve: { met: 1, breached: 1, share: 0.5 },
    },
    {
      weekStart: '2026-11-09T00:00:00.000Z',
      respond: { met: 2, breached: 0, share: 1 },
      resolve: { met: 0, breached: 0, share: null },
    },
  ],
  breaches: [
    {
      number: 'INC-000007',
      title: 'Checkout down',
      priority: 1,
      entityRef: 'component:default/checkout-api',
      targets: ['respond', 'resolve'],
      detectedAt: '2026-11-02T08:00:00.000Z',
    },
  ],
};

describe('SlaChart', () => {
  beforeAll(() => {
    // jsdom does not lay out, so charts are drawn at their initial size.
    (global as any).ResizeObserver = ResizeObserverStub;
  });

  it('formats shares with their counts', () => {
    expect(formatShare({ met: 2, breached: 1, share: 2 / 3 })).toBe(
      '67% (2/3)',
    );
    expect(formatShare({ met: 0, breached: 0, share: null })).toBe('–');
  });

  it('shows the weekly shares in words, the shares by priority and the breaches', async () => {
    await renderWithItsm(
      <SlaChart sla={analysis} incidentLink={n => `/itsm/incidents/${n}`} />,
    );
    expect(
      await screen.findByRole('img', {
        name: /2 Nov respond 50% \(1\/2\), resolve 50% \(1\/2\); 9 Nov respond 100% \(2\/2\), resolve –/,
      }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'SLA met by priority' });
    const rows = within(table)
      .getAllByRole('row')
      .map(row => row.textContent);
    expect(rows).toEqual([
      'PriorityRespond metResolve met',
      'P167% (2/3)50% (1/2)',
      'P2100% (1/1)–',
    ]);
    expect(screen.getByRole('link', { name: 'INC-000007' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-000007',
    );
    expect(screen.getByText(/missed respond and resolve/)).toBeInTheDocument();
  });

  it('says so when no clock was decided', async () => {
    await renderWithItsm(
      <SlaChart
        sla={{
          byPriority: [],
          weekly: analysis.weekly.map(w => ({
            ...w,
            respond: { met: 0, breached: 0, share: null },
            resolve: { met: 0, breached: 0, share: null },
          })),
          breaches: [],
        }}
        incidentLink={n => n}
      />,
    );
    expect(
      await screen.findByText(
        'No SLA clock was met or breached in this window.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('No breach in this window.')).toBeInTheDocument();
  });
});

describe('SLA on the Reliability tab', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  beforeAll(() => {
    (global as any).ResizeObserver = ResizeObserverStub;
  });

  it('shows the service levels card when the analysis has SLA figures', async () => {
    server.use(
      http.get(`${BASE_URL}/analysis`, () =>
        HttpResponse.json({
          scope: { kind: 'organisation', ref: null, entityRefs: null },
          window: {
            from: '2026-11-02T00:00:00.000Z',
            to: '2026-11-16T00:00:00.000Z',
          },
          generatedAt: '2026-11-16T00:00:00.000Z',
          incidents: {
            total: 3,
            byPriority: { p1: 2, p2: 1, p3: 0, p4: 0, p5: 0 },
            weekly: [],
            topCategories: [],
          },
          mtta: {
            overall: { count: 0, meanMs: null, medianMs: null, p90Ms: null },
            byPriority: [],
          },
          mttr: {
            overall: { count: 0, meanMs: null, medianMs: null, p90Ms: null },
            byPriority: [],
          },
          mtbfMs: null,
          repeat: { incidents: 0, total: 3, rate: 0 },
          openProblems: { total: 0, items: [] },
          knownErrors: { total: 0, items: [] },
          actionItems: { open: 0, overdue: 0, overdueItems: [] },
          rootedHere: [],
          rootedElsewhere: [],
          fixEffects: [],
          sla: analysis,
        }),
      ),
    );
    await renderWithItsm(<ReliabilityView scope={{}} />);
    expect(await screen.findByText('Service levels')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'SLA met by priority' }),
    ).toBeInTheDocument();
  });
});
