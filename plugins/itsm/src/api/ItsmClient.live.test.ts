import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { upstreamIncidentsQuery } from '@backstage-itsm/plugin-itsm-common';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

describe('ItsmClient status, upstream, follow and audience calls', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ItsmClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('reads and changes following at the routes of each kind of target', async () => {
    const calls: string[] = [];
    server.use(
      http.all(`${baseUrl}/*`, ({ request }) => {
        const url = new URL(request.url);
        calls.push(`${request.method} ${url.pathname}${url.search}`);
        return HttpResponse.json({ following: true, followers: 1 });
      }),
    );

    await client.getFollow({ kind: 'incident', id: 'INC-000001' });
    await client.follow({ kind: 'problem', id: 'PRB-000002' });
    await client.unfollow({ kind: 'incident', id: 'a b' });
    await expect(
      client.follow({
        kind: 'entity',
        entityRef: 'component:default/checkout-api',
      }),
    ).resolves.toEqual({ following: true, followers: 1 });

    expect(calls).toEqual([
      'GET /api/itsm/incidents/INC-000001/follow',
      'PUT /api/itsm/problems/PRB-000002/follow',
      'DELETE /api/itsm/incidents/a%20b/follow',
      'PUT /api/itsm/entity-follows?entityRef=component%3Adefault%2Fcheckout-api',
    ]);
  });

  it('asks for upstream incidents with a query the backend schema reads back', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/entities/upstream-incidents`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [] });
      }),
    );
    await expect(
      client.listUpstreamIncidents('component:default/checkout-api'),
    ).resolves.toEqual({ items: [] });
    expect(
      upstreamIncidentsQuery.parse(Object.fromEntries(seen!.entries())),
    ).toEqual({ entityRef: 'component:default/checkout-api' });
  });

  it('reads the status page and an incident audience, and throws the backend error', async () => {
    server.use(
      http.get(`${baseUrl}/status`, () =>
        HttpResponse.json({
          systems: [],
          updates: [],
          resolved: [],
          generatedAt: '2026-11-10T10:00:00.000Z',
        }),
      ),
      http.get(`${baseUrl}/incidents/INC-000001/audience`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No incident INC-000001' },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(client.getStatus()).resolves.toMatchObject({ systems: [] });
    await expect(
      client.getIncidentAudience('INC-000001'),
    ).rejects.toMatchObject({ statusCode: 404 });
  });
});
