import { registerMswTestHooks } from '@backstage/test-utils';
import { IncidentSla } from '@backstage-itsm/plugin-itsm-common';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { IncidentQueue } from '../IncidentQueue';
import { SlaClocks } from './SlaClocks';

jest.setTimeout(60_000);

const MIN = 60_000;
const HOUR = 60 * MIN;
const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

function sla(overrides: Partial<IncidentSla> = {}): IncidentSla {
  return {
    priority: 2,
    calendar: null,
    respond: {
      status: 'met',
      targetMs: 30 * MIN,
      dueAt: inFuture(-HOUR),
      leftMs: 10 * MIN,
      pausedMs: 0,
    },
    resolve: {
      status: 'running',
      targetMs: 8 * HOUR,
      dueAt: inFuture(2 * HOUR + 30 * 1000),
      leftMs: 2 * HOUR,
      pausedMs: HOUR,
    },
    ...overrides,
  };
}

describe('SlaClocks', () => {
  it('shows both clocks: met, and the time left with the pause so far', async () => {
    await renderWithItsm(<SlaClocks incident={incident({ sla: sla() })} />);
    expect(await screen.findByText('Service level')).toBeInTheDocument();
    expect(screen.getByText('P2 targets, 24x7')).toBeInTheDocument();
    const respond = screen.getByTestId('sla-respond');
    expect(
      within(respond).getByText('Time to respond · target 30m'),
    ).toBeInTheDocument();
    expect(within(respond).getByText('Met')).toBeInTheDocument();
    const resolve = screen.getByTestId('sla-resolve');
    expect(within(resolve).getByText('2h left')).toBeInTheDocument();
    expect(within(resolve).getByText(/paused 1h/)).toBeInTheDocument();
  });

  it('says a paused clock has no due time, and an overdue one how late it is', async () => {
    await renderWithItsm(
      <SlaClocks
        incident={incident({
          sla: sla({
            calendar: 'office-berlin',
            respond: {
              status: 'running',
              targetMs: 4 * HOUR,
              dueAt: inFuture(-(90 * MIN)),
              leftMs: 0,
              pausedMs: 0,
            },
            resolve: {
              status: 'paused',
              targetMs: 24 * HOUR,
              dueAt: null,
              leftMs: 20 * HOUR,
              pausedMs: 3 * HOUR,
            },
          }),
        })}
      />,
    );
    expect(
      await screen.findByText(
        'P2 targets, counted in the office-berlin calendar',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('sla-respond')).getByText('Overdue by 1h 30m'),
    ).toBeInTheDocument();
    const resolve = screen.getByTestId('sla-resolve');
    expect(within(resolve).getByText('Paused, 20h left')).toBeInTheDocument();
    expect(
      within(resolve).getByText(/No due time while paused/),
    ).toBeInTheDocument();
  });

  it('says how late a stopped clock was and how overdue a counting one is', async () => {
    await renderWithItsm(
      <SlaClocks
        incident={incident({
          acknowledgedAt: '2026-11-02T09:00:00.000Z',
          resolvedAt: null,
          sla: sla({
            respond: {
              status: 'breached',
              targetMs: 15 * MIN,
              dueAt: inFuture(-5 * HOUR),
              leftMs: -45 * MIN,
              pausedMs: 0,
            },
            resolve: {
              status: 'breached',
              targetMs: 4 * HOUR,
              dueAt: inFuture(-2 * HOUR),
              leftMs: -HOUR,
              pausedMs: 0,
            },
          }),
        })}
      />,
    );
    expect(
      await within(await screen.findByTestId('sla-respond')).findByText(
        'Breached by 45m',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('sla-resolve')).getByText(
        'Breached, overdue by 2h',
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing for an incident without SLA targets', async () => {
    await renderWithItsm(
      <div data-testid="host">
        <SlaClocks incident={incident()} />
      </div>,
    );
    expect((await screen.findByTestId('host')).textContent).toBe('');
  });
});

describe('SLA in the incident queue', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('marks breaches and time left, and asks for the due-soonest order', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          items: [
            incident({
              id: '50000000-0000-4000-8000-000000000001',
              number: 'INC-000501',
              title: 'Payments down',
              sla: sla({
                resolve: {
                  status: 'breached',
                  targetMs: 4 * HOUR,
                  dueAt: inFuture(-HOUR),
                  leftMs: -HOUR,
                  pausedMs: 0,
                },
              }),
            }),
            incident({
              id: '50000000-0000-4000-8000-000000000002',
              number: 'INC-000502',
              title: 'Refunds slow',
              priority: 3,
              sla: sla(),
            }),
          ],
          nextCursor: null,
        });
      }),
    );
    await renderWithItsm(<IncidentQueue />, { routeEntries: ['/?sort=due'] });
    expect((await screen.findAllByText('SLA breached')).length).toBeGreaterThan(
      0,
    );
    expect(screen.getAllByText('2h left').length).toBeGreaterThan(0);
    expect(asked.some(params => params.get('sort') === 'due')).toBe(true);
  });
});
