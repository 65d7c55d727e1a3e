import request from 'supertest';
import { Server } from './routeTestKit';

/**
 * Invokes an ITSM action as the MCP server does: through the actions
 * registry's endpoint of the plugin, with the given caller's header.
 */
export function actionInvoker(
  getServer: () => Server,
  headers: Record<string, string>,
) {
  return (
    name: string,
    input: object,
    options: { headers?: Record<string, string> } = {},
  ) =>
    request(getServer())
      .post(`/api/itsm/.backstage/actions/v1/actions/itsm:${name}/invoke`)
      .set(options.headers ?? headers)
      .send(input);
}

/** Lists the registered actions as the MCP server does. */
export function listActions(server: Server, headers: Record<string, string>) {
  return request(server)
    .get('/api/itsm/.backstage/actions/v1/actions')
    .set(headers);
}
