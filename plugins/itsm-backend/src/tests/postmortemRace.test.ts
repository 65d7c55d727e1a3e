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
const SAVES = 10;
const ROUNDS = 5;

type Server = Parameters<typeof request>[0];

/** Concurrent first saves of a postmortem: one starts it, the rest are told to read it. */
describe('postmortem creation race', () => {
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

    /** Saves without a version: each asks to start the postmortem. */
    function firstSaves(path: string) {
      return Promise.all(
        Array.from({ length: SAVES }, (_, i) =>
          request(server)
            .put(path)
            .set(ben)
            .send({ summary: `Save ${i}` }),
        ),
      );
    }

    it('creates the postmortem once and answers every other first save with 409', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const created = await request(server)
          .post('/api/itsm/incidents')
          .set(ben)
          .send(incidentInput({ title: `Race ${round}` }))
          .expect(201);
        const path = `/api/itsm/incidents/${created.body.id}/postmortem`;
        const saves = await firstSaves(path);
        const statuses = saves.map(res => res.status).sort();
        expect(statuses).toEqual([200, ...Array(SAVES - 1).fill(409)]);
        const winner = saves.find(res => res.status === 200)!;
        expect(winner.body.version).toBe(1);
        const stored = await request(server).get(path).set(ben).expect(200);
        expect(stored.body).toEqual(winner.body);
        const timeline = await request(server)
          .get(`/api/itsm/incidents/${created.body.id}/timeline?limit=100`)
          .set(ben)
          .expect(200);
        expect(
          timeline.body.items.filter(
            (event: { kind: string }) => event.kind === 'postmortem_updated',
          ),
        ).toHaveLength(1);
      }
    });
  });
});
