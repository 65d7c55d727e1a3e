import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  createIncidentBody,
  listActionItemsQuery,
  listIncidentsQuery,
  listProblemsQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

/** Query parameters as the backend receives them: repeated keys as arrays. */
function received(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
}

describe('ItsmClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ItsmClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('sends list filters as repeated query parameters', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/incidents`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
    );

    await expect(
      client.listIncidents({
        entityRef: 'component:default/payments-api',
        status: ['new', 'in_progress'],
        text: '',
      }),
    ).resolves.toEqual({ items: [], nextCursor: null });
    expect(seen?.get('entityRef')).toBe('component:default/payments-api');
    expect(seen?.getAll('status')).toEqual(['new', 'in_progress']);
    expect(seen?.has('text')).toBe(false);
  });

  it('sends queries that the backend schemas read back unchanged', async () => {
    const seen: Record<string, URLSearchParams> = {};
    const page = { items: [], nextCursor: null };
    for (const path of ['/incidents', '/problems', '/action-items']) {
      server.use(
        http.get(`${baseUrl}${path}`, ({ request }) => {
          seen[path] = new URL(request.url).searchParams;
          return HttpResponse.json(page);
        }),
      );
    }

    await client.listIncidents({
      entityRef: 'component:default/payments-api',
      status: ['new', 'on_hold'],
      priority: [1, 2],
      limit: 50,
    });
    await client.listProblems({ knownError: true, text: 'pool' });
    await client.listActionItems({ parentType: 'problem', parentId: 'p-1' });

    expect(listIncidentsQuery.parse(received(seen['/incidents']))).toEqual({
      entityRef: ['component:default/payments-api'],
      status: ['new', 'on_hold'],
      priority: [1, 2],
      limit: 50,
    });
    expect(listProblemsQuery.parse(received(seen['/problems']))).toEqual({
      knownError: 'true',
      text: 'pool',
    });
    expect(listActionItemsQuery.parse(received(seen['/action-items']))).toEqual(
      { parentType: 'problem', parentId: 'p-1', limit: 100 },
    );
  });

  it('turns an error body into a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/incidents`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'limit must be at most 100' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    await expect(client.listIncidents({ limit: 500 })).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { message: 'limit must be at most 100' } },
    });
  });

  it('asks for the analysis of a scope and window', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/analysis`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({ scope: { kind: 'owner' } });
      }),
    );

    await expect(
      client.getAnalysis({
        ownerRef: 'group:default/checkout-team',
        from: 1790000000000,
      }),
    ).resolves.toEqual({ scope: { kind: 'owner' } });
    expect(seen?.get('ownerRef')).toBe('group:default/checkout-team');
    expect(seen?.get('from')).toBe('1790000000000');
    expect(seen?.has('to')).toBe(false);
  });
});

describe('ItsmClient writes', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new ItsmClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('sends JSON bodies to the record routes', async () => {
    let body: unknown;
    let contentType: string | null = null;
    server.use(
      http.post(
        `${baseUrl}/incidents/INC-000001/transitions`,
        async ({ request }) => {
          contentType = request.headers.get('content-type');
          body = await request.json();
          return HttpResponse.json({ id: 'x' });
        },
      ),
    );
    await client.transitionIncident('INC-000001', {
      version: 3,
      to: 'in_progress',
    });
    expect(contentType).toBe('application/json');
    expect(body).toEqual({ version: 3, to: 'in_progress' });
  });

  it('sends a new incident that the backend schema accepts', async () => {
    let body: unknown;
    server.use(
      http.post(`${baseUrl}/incidents`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ id: 'x' }, { status: 201 });
      }),
    );
    const incident = {
      title: 'Checkout fails with 502',
      description: 'Payments API answers 502 to one request in three.',
      entityRef: 'component:default/payments-api',
      category: 'availability',
      impact: 1,
      urgency: 2,
    } as const;
    await client.createIncident(incident);
    expect(createIncidentBody.parse(body)).toEqual(incident);
  });

  it('answers undefined for a postmortem not written yet', async () => {
    server.use(
      http.get(`${baseUrl}/incidents/INC-000001/postmortem`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'none yet' } },
          { status: 404 },
        ),
      ),
    );
    await expect(client.getPostmortem('INC-000001')).resolves.toBeUndefined();
  });
});
