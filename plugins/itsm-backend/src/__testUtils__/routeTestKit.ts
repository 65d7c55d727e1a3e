import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { validateResponse } from '../schema/__testUtils__/openApiContract';

/** What supertest accepts as the server under test. */
export type Server = Parameters<typeof request>[0];

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Request headers carrying mock credentials of user:default/<user>. */
export const userHeader = (user: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${user}`),
});

/** A permissions mock whose every decision is the result last passed to allow. */
export function mockPermissions() {
  const permissions = mockServices.permissions.mock();
  function allow(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
    permissions.authorize.mockImplementation(async reqs =>
      reqs.map(() => ({ result })),
    );
    permissions.authorizeConditional.mockImplementation(async reqs =>
      reqs.map(() => ({ result })),
    );
  }
  return { permissions, allow };
}

/** Starts a backend with the ITSM plugin, the given permissions, catalog and database. */
export async function startItsmBackend(options: {
  permissions: ReturnType<typeof mockServices.permissions.mock>;
  entities: Entity[];
  knex?: Knex;
  features?: Parameters<typeof startTestBackend>[0]['features'];
}): Promise<Server> {
  const backend = await startTestBackend({
    features: [
      itsmPlugin,
      options.permissions.factory,
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      catalogServiceMock.factory({ entities: options.entities }),
      ...(options.features ?? []),
    ],
  });
  return backend.server;
}

/** Sends a request and checks the response against the OpenAPI document. */
export async function sendChecked(
  server: Server,
  method: 'get' | 'post' | 'patch' | 'put' | 'delete',
  path: string,
  headers: Record<string, string>,
  body?: object,
) {
  const req = request(server)[method](`/api/itsm${path}`).set(headers);
  const res = body ? await req.send(body) : await req;
  expect(
    validateResponse({ method, path, status: res.status, body: res.body }),
  ).toEqual([]);
  return res;
}

/**
 * sendChecked on the server `getServer` returns at each call (it starts in
 * beforeAll), with the body and the headers, `headers` unless given, as options.
 */
export function optionSender(
  getServer: () => Server,
  headers: Record<string, string>,
) {
  return (
    method: 'get' | 'post',
    path: string,
    options: { body?: object; headers?: Record<string, string> } = {},
  ) =>
    sendChecked(
      getServer(),
      method,
      path,
      options.headers ?? headers,
      options.body,
    );
}
