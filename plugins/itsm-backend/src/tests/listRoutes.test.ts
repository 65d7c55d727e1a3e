import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { incidentInput } from '../__testUtils__/fixtures';
import { LIST_ENTITIES } from '../__testUtils__/listFixture';
import {
  Server,
  mockPermissions,
  sendChecked,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(60_000);

const auth = userHeader('ben');

/** The query parameters of the incident and problem lists through HTTP. */
describe('list routes', () => {
  const { permissions, allow } = mockPermissions();
  let server: Server;

  async function get(path: string, headers: Record<string, string> = auth) {
    return sendChecked(server, 'get', path, headers);
  }

  beforeAll(async () => {
    allow(AuthorizeResult.ALLOW);
    server = await startItsmBackend({ permissions, entities: LIST_ENTITIES });
    for (const [title, entityRef, impact] of [
      ['api-gateway returns HTTP 503', 'component:default/checkout-api', 1],
      ['Checkout answers 503', 'component:default/checkout-api', 3],
      ['Payments slow', 'component:default/payments-api', 2],
    ] as const) {
      await request(server)
        .post('/api/itsm/incidents')
        .set(auth)
        .send(incidentInput({ title, entityRef, impact, urgency: 1 }))
        .expect(201);
    }
  });

  beforeEach(() => allow(AuthorizeResult.ALLOW));

  const titles = (res: request.Response) =>
    res.body.items.map((i: { title: string }) => i.title);

  it('takes sort, assignee, source, systemRef, groupRef and words together', async () => {
    expect(
      titles(
        await get(
          '/incidents?sort=priority&assignee=none&source=manual,alert&systemRef=system:default/shop&groupRef=group:default/checkout-team&text=503',
        ),
      ),
    ).toEqual(['api-gateway returns HTTP 503', 'Checkout answers 503']);
    // Every description says the requests fail at the gateway.
    expect(titles(await get('/incidents?text=gateway%20503'))).toEqual([
      'api-gateway returns HTTP 503',
      'Checkout answers 503',
    ]);
    expect(titles(await get('/incidents?source=alert'))).toEqual([]);
    expect(
      (
        await get(
          '/problems?sort=oldest&assignee=me&systemRef=system:default/shop',
        )
      ).status,
    ).toBe(200);
    expect((await get('/known-errors?text=gateway')).status).toBe(200);
  });

  it('pages in a sort and refuses a cursor of another sort, naming cursor', async () => {
    const first = await get('/incidents?sort=priority&limit=1');
    expect(titles(first)).toEqual(['api-gateway returns HTTP 503']);
    const next = await get(
      `/incidents?sort=priority&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(titles(next)).toEqual(['Payments slow']);
    const other = await get(
      `/incidents?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(
      /^cursor: was issued for sort priority, not newest/,
    );
  });

  it.each([
    [
      '/incidents?assignee=me&assigneeRef=user:default/ben',
      /assignee: give assignee or assigneeRef, not both/,
    ],
    ['/incidents?assignee=someone', /assignee: must be one of me, none/],
    [
      '/incidents?sort=random',
      /sort: must be one of newest, oldest, priority, relevance/,
    ],
    ['/incidents?sort=relevance', /sort: relevance needs text/],
    ['/incidents?source=email', /source\.0: must be one of manual, alert/],
    ['/incidents?text=%20-%20', /text: must contain a letter or digit/],
    [
      '/incidents?systemRef=component:default/checkout-api',
      /systemRef: .* must be a system entity/,
    ],
    [
      '/problems?groupRef=user:default/ben',
      /groupRef: .* must be a group entity/,
    ],
    [
      '/problems?sort=priority&assignee=nobody',
      /assignee: must be one of me, none/,
    ],
    ['/incidents?cursor=bm90LWpzb24', /cursor is malformed/],
  ])('answers 400 naming the field for %s', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it.each([
    [
      '/incidents?systemRef=system:default/nowhere',
      /systemRef: .* does not exist/,
    ],
    ['/problems?groupRef=group:default/nobody', /groupRef: .* does not exist/],
  ])('answers 404 for %s', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 401 without a token and 403 when the policy denies', async () => {
    const path =
      '/incidents?sort=priority&systemRef=system:default/shop&text=503';
    expect(
      (await get(path, { Authorization: mockCredentials.none.header() }))
        .status,
    ).toBe(401);
    allow(AuthorizeResult.DENY);
    expect((await get(path)).status).toBe(403);
    expect(
      (await get('/problems?groupRef=group:default/checkout-team')).status,
    ).toBe(403);
  });
});
