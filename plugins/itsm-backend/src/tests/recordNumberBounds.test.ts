import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { TEST_ENTITIES, incidentInput } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = { Authorization: mockCredentials.user.header('user:default/ben') };
const TOO_LARGE = 2147483648;

type Server = Parameters<typeof request>[0];

describe('numbers beyond the 32-bit columns', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    let incidentId: string;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          itsmPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: TEST_ENTITIES }),
        ],
      });
      server = backend.server;
      const created = await request(server)
        .post('/api/itsm/incidents')
        .set(ben)
        .send(incidentInput());
      incidentId = created.body.id;
    });

    it.each([
      `/incidents/INC-${TOO_LARGE}`,
      '/incidents/INC-999999999999999',
      `/incidents/INC-${TOO_LARGE}/timeline`,
      `/problems/PRB-${TOO_LARGE}`,
    ])('answers GET %s with 404', async path => {
      const res = await request(server).get(`/api/itsm${path}`).set(ben);
      expect(res.status).toBe(404);
    });

    it.each([`INC-${TOO_LARGE}`, `${TOO_LARGE}`, `PRB-${TOO_LARGE}`])(
      'matches nothing for text=%s',
      async text => {
        for (const list of ['/incidents', '/problems']) {
          const res = await request(server)
            .get(`/api/itsm${list}?text=${text}`)
            .set(ben);
          expect(res.status).toBe(200);
          expect(res.body.items).toEqual([]);
        }
      },
    );

    it('refuses a version beyond the column with a 400 naming it', async () => {
      const message = `version: must be at most 2147483647`;
      const item = await request(server)
        .patch('/api/itsm/action-items/00000000-0000-4000-8000-000000000000')
        .set(ben)
        .send({ version: TOO_LARGE, status: 'done' });
      expect(item.status).toBe(400);
      expect(item.body.error.message).toBe(`Invalid body: ${message}`);
      const postmortem = await request(server)
        .put(`/api/itsm/incidents/${incidentId}/postmortem`)
        .set(ben)
        .send({ version: TOO_LARGE, summary: 'S' });
      expect(postmortem.status).toBe(400);
      expect(postmortem.body.error.message).toBe(`Invalid body: ${message}`);
    });
  });
});
