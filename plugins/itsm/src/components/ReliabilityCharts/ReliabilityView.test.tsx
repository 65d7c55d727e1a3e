import {
  MockFetchApi,
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { ReliabilityAnalysis } from '@backstage-itsm/plugin-itsm-common';
import { createTheme } from '@material-ui/core/styles';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ItsmClient, itsmApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { chartColorsOf } from './chartColors';
import { ReliabilityView } from './ReliabilityView';
import { formatDate } from '../shared/formatTime';

const baseUrl = 'http://localhost:7007/api/itsm';
const HOUR = 3_600_000;
const MIN = 60_000;

const problem = {
  id: '10000000-0000-4000-8000-000000000001',
  number: 'PRB-000001',
  title: 'Pool too small',
  status: 'resolved' as const,
  priority: 3 as const,
  entityRef: 'component:default/checkout-api',
  knownError: true,
  createdAt: '2026-10-02T00:00:00.000Z',
};

const analysis: ReliabilityAnalysis = {
  scope: {
    kind: 'entity',
    ref: 'component:default/checkout-api',
    entityRefs: ['component:default/checkout-api'],
  },
  window: { from: '2026-10-05T00:00:00.000Z', to: '2026-10-19T00:00:00.000Z' },
  generatedAt: '2026-11-01T00:00:00.000Z',
  incidents: {
    total: 5,
    byPriority: { p1: 1, p2: 2, p3: 2, p4: 0, p5: 0 },
    weekly: [
      {
        weekStart: '2026-10-05T00:00:00.000Z',
        total: 3,
        byPriority: { p1: 1, p2: 1, p3: 1, p4: 0, p5: 0 },
        resolved: 2,
        mttrMeanMs: 90 * MIN,
      },
      {
        weekStart: '2026-10-12T00:00:00.000Z',
        total: 2,
        byPriority: { p1: 0, p2: 1, p3: 1, p4: 0, p5: 0 },
        resolved: 0,
        mttrMeanMs: null,
      },
    ],
    topCategories: [{ category: 'availability', count: 3 }],
  },
  mtta: {
    overall: {
      count: 4,
      meanMs: 16 * MIN,
      medianMs: 10 * MIN,
      p90Ms: 30 * MIN,
    },
    byPriority: [],
  },
  mttr: {
    overall: { count: 2, meanMs: 2 * HOUR, medianMs: HOUR, p90Ms: 3 * HOUR },
    byPriority: [],
  },
  mtbfMs: 3 * 24 * HOUR,
  repeat: { incidents: 2, total: 5, rate: 0.4 },
  openProblems: {
    total: 1,
    items: [
      {
        ...problem,
        id: '10000000-0000-4000-8000-000000000002',
        number: 'PRB-000002',
        status: 'assess',
        ageMs: 17 * 24 * HOUR,
      },
    ],
  },
  knownErrors: { total: 1, items: [problem] },
  actionItems: { open: 3, overdue: 1, overdueItems: [] },
  rootedHere: [
    {
      problem,
      affected: [
        { entityRef: 'component:default/checkout-api', incidentCount: 3 },
      ],
    },
  ],
  rootedElsewhere: [],
  fixEffects: [
    {
      problem,
      fixedAt: '2026-10-10T00:00:00.000Z',
      affectedEntityRefs: ['component:default/checkout-api'],
      before: {
        from: '2026-09-12T00:00:00.000Z',
        to: '2026-10-10T00:00:00.000Z',
        incidents: 3,
        perWeek: 0.75,
      },
      after: {
        from: '2026-10-10T00:00:00.000Z',
        to: '2026-11-01T00:00:00.000Z',
        incidents: 4,
        perWeek: 28 / 22,
      },
    },
  ],
};

const empty: ReliabilityAnalysis = {
  ...analysis,
  incidents: { ...analysis.incidents, total: 0, topCategories: [] },
  openProblems: { total: 0, items: [] },
  rootedHere: [],
  fixEffects: [],
};

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}

jest.setTimeout(30_000);

describe('ReliabilityView', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new ItsmClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  beforeAll(() => {
    // jsdom does not lay out, so charts are drawn at their initial size.
    (global as any).ResizeObserver = ResizeObserverStub;
  });

  function render(element: JSX.Element) {
    return renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, client]]}>
        {element}
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/itsm': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
  }

  it('shows the DORA figures, and deploys on the incident trend', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/analysis`, () => HttpResponse.json(analysis)),
      http.get(`${baseUrl}/dora`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({
          scope: analysis.scope,
          window: analysis.window,
          failureWindowMs: HOUR,
          deploys: 8,
          deploysPerWeek: 4,
          failedDeploys: 2,
          changeFailureRate: 0.25,
          resolvedIncidents: 4,
          timeToRestoreMeanMs: 45 * MIN,
          weekly: [
            {
              weekStart: '2026-10-05T00:00:00.000Z',
              deploys: 5,
              failedDeploys: 2,
              resolvedIncidents: 3,
              timeToRestoreMeanMs: 50 * MIN,
            },
            {
              weekStart: '2026-10-12T00:00:00.000Z',
              deploys: 3,
              failedDeploys: 0,
              resolvedIncidents: 1,
              timeToRestoreMeanMs: 30 * MIN,
            },
          ],
        });
      }),
    );
    await render(
      <ReliabilityView scope={{ systemRef: 'system:default/shop' }} />,
    );
    expect(await screen.findByText('DORA')).toBeInTheDocument();
    expect(seen?.get('systemRef')).toBe('system:default/shop');
    expect(screen.getByText('4 / week')).toBeInTheDocument();
    expect(screen.getByText('25%')).toBeInTheDocument();
    expect(
      screen.getByText('2 followed by an incident within 1h'),
    ).toBeInTheDocument();
    expect(screen.getByText('45m')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Deploys per week: 5 Oct 5 (2 failed), 12 Oct 3 (0 failed)',
      }),
    ).toBeInTheDocument();
  });

  it('leaves DORA out when the caller may not read changes', async () => {
    server.use(
      http.get(`${baseUrl}/analysis`, () => HttpResponse.json(analysis)),
      http.get(`${baseUrl}/dora`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'denied' } },
          { status: 403 },
        ),
      ),
    );
    await render(<ReliabilityView scope={{}} />);
    expect(await screen.findByText('Reliability')).toBeInTheDocument();
    expect(screen.queryByText('DORA')).toBeNull();
  });

  it('fetches the scope and shows key figures and the four charts', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/analysis`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json(analysis);
      }),
    );
    await render(
      <ReliabilityView
        scope={{ entityRef: 'component:default/checkout-api' }}
        from="2026-10-05T00:00:00Z"
      />,
    );

    expect(await screen.findByText('Reliability')).toBeInTheDocument();
    expect(seen?.get('entityRef')).toBe('component:default/checkout-api');
    expect(seen?.get('from')).toBe('2026-10-05T00:00:00Z');
    expect(seen?.has('ownerRef')).toBe(false);
    expect(
      screen.getByText(
        `${formatDate('2026-10-05T00:00:00.000Z')} to ${formatDate(
          '2026-10-19T00:00:00.000Z',
        )}`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/2026-10-05/)).toBeNull();
    expect(screen.getByText('16m')).toBeInTheDocument();
    expect(screen.getByText('median 10m · p90 30m')).toBeInTheDocument();
    expect(screen.getByText('2h')).toBeInTheDocument();
    expect(screen.getByText('3d')).toBeInTheDocument();
    expect(screen.getByText('40%')).toBeInTheDocument();
    expect(screen.getByText('2 of 5 incidents')).toBeInTheDocument();
    expect(screen.getByText('1 overdue')).toBeInTheDocument();
    expect(screen.getByText('Known errors in effect')).toBeInTheDocument();
    expect(
      screen.getByText(
        /incidents linked to the problem, or of its category and linked to no problem/,
      ),
    ).toBeInTheDocument();

    expect(
      screen.getByRole('img', {
        name: 'Incidents per week: 5 Oct 3, 12 Oct 2',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Mean time to restore per week: 5 Oct 1h 30m, 12 Oct –',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Incidents per week before and after each fix: PRB-000001 0.75 before, 1.27 after',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Open problems by age: PRB-000002 17d' }),
    ).toBeInTheDocument();
    const rootedHere = screen
      .getByText('Problems rooted here')
      .closest('.MuiCard-root') as HTMLElement;
    expect(
      within(rootedHere).getByRole('link', { name: 'PRB-000001' }),
    ).toBeInTheDocument();
    expect(within(rootedHere).getByText(/Pool too small/)).toBeInTheDocument();
    expect(
      within(rootedHere).getByRole('link', { name: /checkout-api/ }),
    ).toBeInTheDocument();
    expect(within(rootedHere).getByText(/3 incidents/)).toBeInTheDocument();
  });

  it('asks for the whole organisation without a scope', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/analysis`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({
          ...analysis,
          scope: { kind: 'organization', ref: null, entityRefs: null },
        });
      }),
    );
    await render(<ReliabilityView scope={{}} />);
    expect(await screen.findByText('Reliability')).toBeInTheDocument();
    expect([...(seen?.keys() ?? [])]).toEqual([]);
  });

  it('says so when the window holds nothing', async () => {
    server.use(http.get(`${baseUrl}/analysis`, () => HttpResponse.json(empty)));
    await render(<ReliabilityView scope={{ ownerRef: 'group:default/a' }} />);
    expect(
      await screen.findByText('No incidents or problems in this window'),
    ).toBeInTheDocument();
  });

  it('shows the error of a refused request', async () => {
    server.use(
      http.get(`${baseUrl}/analysis`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You are not allowed to itsm.incident.read',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await render(
      <ReliabilityView scope={{ entityRef: 'component:default/a' }} />,
    );
    const messages = await screen.findAllByText(
      /You are not allowed to itsm.incident.read/,
    );
    expect(messages.length).toBeGreaterThan(0);
    expect(screen.queryByText('Reliability')).not.toBeInTheDocument();
  });
});

describe('chartColorsOf', () => {
  it('takes text and grid colours from the theme, light and dark', () => {
    const light = chartColorsOf(createTheme({ palette: { type: 'light' } }));
    const dark = chartColorsOf(createTheme({ palette: { type: 'dark' } }));
    expect(light.text).toBe('rgba(0, 0, 0, 0.54)');
    expect(dark.text).toBe('rgba(255, 255, 255, 0.7)');
    expect(dark.grid).toBe('rgba(255, 255, 255, 0.12)');
    expect(dark.tooltipBackground).toBe('#424242');
  });
});
