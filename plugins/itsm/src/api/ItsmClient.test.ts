import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

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
