import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LIMITS } from '@backstage-itsm/plugin-itsm-common';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { TEST_ENTITIES, incidentInput } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = { Authorization: mockCredentials.user.header('user:default/ben') };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type Server = Parameters<typeof request>[0];

describe('action item overdue filter and body limits', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;

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
    });

    it('lists only items not overdue with overdue=false', async () => {
      const incident = await request(server)
        .post('/api/itsm/incidents')
        .set(ben)
        .send(incidentInput());
      const parent = { parentType: 'incident', parentId: incident.body.id };
      for (const [title, dueAt] of [
        ['late', '2020-01-01T00:00:00Z'],
        ['later', '2999-01-01T00:00:00Z'],
        ['undated', undefined],
      ]) {
        const created = await request(server)
          .post('/api/itsm/action-items')
          .set(ben)
          .send({ ...parent, title, dueAt });
        expect(created.status).toBe(201);
      }
      const titles = async (overdue: string) => {
        const res = await request(server)
          .get(
            `/api/itsm/action-items?parentType=incident&parentId=${incident.body.id}&overdue=${overdue}`,
          )
          .set(ben);
        expect(res.status).toBe(200);
        return res.body.items.map((i: { title: string }) => i.title).sort();
      };
      expect(await titles('false')).toEqual(['later', 'undated']);
      expect(await titles('true')).toEqual(['late']);
    });

    it.each(['assign', 'dismiss'])(
      'parses the %s body up to 1 MB like every other route',
      async action => {
        const long = 'x'.repeat(200_000);
        const body =
          action === 'assign' ? { entityRef: long } : { reason: long };
        const field = action === 'assign' ? 'entityRef' : 'reason';
        const max = action === 'assign' ? LIMITS.entityRef : LIMITS.short;
        const res = await request(server)
          .post(`/api/itsm/alerts/unrouted/${UNKNOWN_ID}/${action}`)
          .set(ben)
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          `Invalid body: ${field}: must be at most ${max} characters`,
        );
        const tooLarge = await request(server)
          .post(`/api/itsm/alerts/unrouted/${UNKNOWN_ID}/${action}`)
          .set(ben)
          .send({ [field]: 'x'.repeat(1_100_000) });
        expect(tooLarge.status).toBe(413);
      },
    );
  });
});
