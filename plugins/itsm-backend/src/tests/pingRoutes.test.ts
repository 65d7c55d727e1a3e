import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Server,
  mockPermissions,
  sendChecked,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(60_000);

describe('GET /ping', () => {
  const { permissions, allow } = mockPermissions();
  let server: Server;

  beforeAll(async () => {
    allow(AuthorizeResult.DENY);
    server = await startItsmBackend({ permissions, entities: [] });
  });

  it('answers 401 without a token', async () => {
    const res = await sendChecked(server, 'get', '/ping', {
      Authorization: mockCredentials.none.header(),
    });
    expect(res.status).toBe(401);
  });

  it('names the signed-in user without asking for any permission', async () => {
    const res = await sendChecked(server, 'get', '/ping', userHeader('ben'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ actorRef: 'user:default/ben' });
    expect(permissions.authorize).not.toHaveBeenCalled();
    expect(permissions.authorizeConditional).not.toHaveBeenCalled();
  });

  it('names a service caller by its subject', async () => {
    const res = await sendChecked(server, 'get', '/ping', {
      Authorization: mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('plugin:catalog'),
        targetPluginId: 'itsm',
      }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ actorRef: 'service:plugin:catalog' });
  });
});
