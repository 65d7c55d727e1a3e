import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ChangeEvent } from '@backstage-itsm/plugin-itsm-common';
import { BASE_URL, incident, problem } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { IncidentChangeList } from './IncidentChangeList';
import { ProblemChangeList } from './ProblemChangeList';

const CHECKOUT = 'component:default/checkout-api';
const AUTH = 'component:default/auth-service';

function change(overrides: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    source: 'native',
    dedupKey: 'run-1',
    entityRef: AUTH,
    ownerRef: 'group:default/platform-team',
    kind: 'deploy',
    summary: 'Deploy auth-service',
    version: '2.4.1',
    author: 'ci-bot',
    links: [{ href: 'https://ci.example.com/runs/1', text: 'Run 1' }],
    labels: {},
    occurredAt: '2026-11-01T09:50:00.000Z',
    receivedAt: '2026-11-01T09:50:01.000Z',
    ...overrides,
  };
}

describe('change lists', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('lists the changes before an incident with their path', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents/:id/changes`, () =>
        HttpResponse.json({
          windowMs: 86_400_000,
          dependencyDepth: 3,
          items: [
            {
              change: change(),
              via: 'dependency',
              path: [CHECKOUT, AUTH],
              beforeDetectionMs: 600_000,
            },
          ],
        }),
      ),
    );
    await renderWithItsm(<IncidentChangeList incident={incident()} />);
    const item = await screen.findByRole('group', {
      name: 'Change Deploy auth-service',
    });
    expect(
      within(item).getByText(/Deploy auth-service · 2\.4\.1 · by ci-bot/),
    ).toBeInTheDocument();
    expect(within(item).getByText('Run 1')).toHaveAttribute(
      'href',
      'https://ci.example.com/runs/1',
    );
    expect(within(item).getByText(/10m before detection/)).toBeInTheDocument();
    expect(
      within(item).getByText(/On a dependency of the incident's entity/),
    ).toBeInTheDocument();
    expect(within(item).getByText('auth-service')).toBeInTheDocument();
  });

  it('says when nothing changed in the window', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents/:id/changes`, () =>
        HttpResponse.json({
          windowMs: 86_400_000,
          dependencyDepth: 3,
          items: [],
        }),
      ),
    );
    await renderWithItsm(<IncidentChangeList incident={incident()} />);
    expect(
      await screen.findByText(
        /No change was recorded .* in the 1d before detection/,
      ),
    ).toBeInTheDocument();
  });

  it('says how many of a problem\u2019s incidents followed a change', async () => {
    server.use(
      http.get(`${BASE_URL}/problems/:id/changes`, () =>
        HttpResponse.json({
          windowMs: 1_800_000,
          totalIncidents: 4,
          suspects: [
            {
              entityRef: AUTH,
              kind: 'deploy',
              followedIncidents: 3,
              totalIncidents: 4,
              changes: [
                {
                  change: change(),
                  incidentNumber: 'INC-000007',
                  path: [CHECKOUT, AUTH],
                },
              ],
            },
          ],
        }),
      ),
    );
    await renderWithItsm(<ProblemChangeList problem={problem()} />);
    const suspect = await screen.findByRole('group', {
      name: `Changes of ${AUTH}`,
    });
    expect(suspect).toHaveTextContent(
      '3 of 4 incidents followed a deploy of auth-service within 30m',
    );
    expect(within(suspect).getByText(/before INC-000007/)).toBeInTheDocument();
  });

  it('warns when the changes cannot be read', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents/:id/changes`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You are not allowed to itsm.change.read',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithItsm(<IncidentChangeList incident={incident()} />);
    expect(
      await screen.findByText(/Could not load changes/),
    ).toBeInTheDocument();
  });
});
