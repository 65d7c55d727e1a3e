import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TEST_ENTITIES, incidentInput } from '../__testUtils__/fixtures';
import {
  Server,
  mockPermissions,
  sendChecked,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(60_000);

const search = {
  Authorization: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:search'),
    targetPluginId: 'itsm',
  }),
};

describe('GET /search-documents', () => {
  const { permissions, allow } = mockPermissions();
  let server: Server;

  beforeAll(async () => {
    allow(AuthorizeResult.ALLOW);
    server = await startItsmBackend({ permissions, entities: TEST_ENTITIES });
    for (let i = 0; i < 3; i++) {
      await sendChecked(
        server,
        'post',
        '/incidents',
        userHeader('ben'),
        incidentInput(),
      );
    }
  });

  it('pages the incidents for a backend service, whatever the read rules', async () => {
    allow(AuthorizeResult.DENY);
    const first = await sendChecked(
      server,
      'get',
      '/search-documents?kind=incidents&limit=2',
      search,
    );
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { number: string }) => i.number)).toEqual([
      'INC-000001',
      'INC-000002',
    ]);
    const second = await sendChecked(
      server,
      'get',
      `/search-documents?kind=incidents&limit=2&cursor=${first.body.nextCursor}`,
      search,
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ number: 'INC-000003' })],
    });
  });

  it.each([
    ['kind=changes', /kind: must be one of incidents, problems/],
    ['kind=incidents&limit=1001', /limit: must be at most 1000/],
    ['kind=incidents&createdAfter=yesterday', /createdAfter: must be a time/],
    ['kind=incidents&cursor=bm9wZQ', /cursor is malformed/],
  ])('answers 400 naming the field for %s', async (query, message) => {
    const res = await sendChecked(
      server,
      'get',
      `/search-documents?${query}`,
      search,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses users with 403 and anonymous callers with 401', async () => {
    allow(AuthorizeResult.ALLOW);
    const user = await sendChecked(
      server,
      'get',
      '/search-documents?kind=problems',
      userHeader('ben'),
    );
    expect(user.status).toBe(403);
    const anonymous = await sendChecked(
      server,
      'get',
      '/search-documents?kind=problems',
      { Authorization: mockCredentials.none.header() },
    );
    expect(anonymous.status).toBe(401);
  });
});
