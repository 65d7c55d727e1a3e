import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident, problem } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { EntityProblemsContent } from '../EntityProblemsContent';
import { EntityIncidentsContent } from './EntityIncidentsContent';

jest.setTimeout(60_000);

function entity(kind: string, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
  };
}

describe('Incidents and Problems tabs of systems and groups', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let incidentQueries: URLSearchParams[];
  let problemQueries: URLSearchParams[];

  beforeEach(() => {
    incidentQueries = [];
    problemQueries = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        incidentQueries.push(params);
        return HttpResponse.json({
          items: params.has('priority')
            ? []
            : [
                incident({
                  title: 'Card payments fail',
                  entityRef: 'component:default/payments-api',
                }),
              ],
          nextCursor: null,
        });
      }),
      http.get(`${BASE_URL}/problems`, ({ request }) => {
        problemQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          items: [problem({ title: 'Ledger falls behind' })],
          nextCursor: null,
        });
      }),
    );
  });

  it.each([
    ['System', 'payments', 'systemRef', 'system:default/payments'],
    ['Group', 'payments-team', 'groupRef', 'group:default/payments-team'],
  ])(
    "lists a %s's incidents with the entity of each",
    async (kind, name, param, ref) => {
      await renderWithItsm(<EntityIncidentsContent />, {
        entity: entity(kind, name),
      });
      expect(await screen.findByText('Card payments fail')).toBeInTheDocument();
      expect(
        screen.getByRole('columnheader', { name: 'Entity' }),
      ).toBeInTheDocument();
      const query = incidentQueries.find(p => !p.has('priority'))!;
      expect(query.get(param)).toBe(ref);
      expect(query.has('entityRef')).toBe(false);
    },
  );

  it.each([
    ['System', 'payments', 'systemRef', 'system:default/payments'],
    ['Group', 'payments-team', 'groupRef', 'group:default/payments-team'],
  ])("lists a %s's problems", async (kind, name, param, ref) => {
    await renderWithItsm(<EntityProblemsContent />, {
      entity: entity(kind, name),
    });
    expect(await screen.findByText('Ledger falls behind')).toBeInTheDocument();
    await waitFor(() => expect(problemQueries.length).toBeGreaterThan(0));
    expect(problemQueries[0].get(param)).toBe(ref);
    expect(problemQueries[0].has('entityRef')).toBe(false);
  });
});
