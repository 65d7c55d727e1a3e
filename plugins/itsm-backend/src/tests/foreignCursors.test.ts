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
const UUID = '00000000-0000-4000-8000-000000000000';

type Server = Parameters<typeof request>[0];

const cursorOf = (parts: unknown[]) =>
  Buffer.from(JSON.stringify(parts)).toString('base64url');

/** Well-formed cursors that no page of the list handed out. */
const FOREIGN = [
  [1, 'junk'],
  [1, '123'],
  [1, `${UUID}'`],
  [-1, UUID],
  [1.5, UUID],
  [2 ** 53, UUID],
  ['newest', 1, 'junk'],
  ['newest', -1, UUID],
  ['newest', 1, 2, UUID],
];

describe('foreign cursors', () => {
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
        .send(incidentInput())
        .expect(201);
      incidentId = created.body.id;
      for (const body of ['first', 'second']) {
        await request(server)
          .post(`/api/itsm/incidents/${incidentId}/notes`)
          .set(ben)
          .send({ body })
          .expect(201);
      }
    });

    /** The answer to a list page after the cursor, with the cursor's parts. */
    async function answer(path: string, parts: unknown[]) {
      const separator = path.includes('?') ? '&' : '?';
      const res = await request(server)
        .get(`/api/itsm${path}${separator}cursor=${cursorOf(parts)}`)
        .set(ben);
      return {
        path,
        parts,
        status: res.status,
        message: res.body.error?.message,
      };
    }

    const refused = (path: string, parts: unknown[]) => ({
      path,
      parts,
      status: 400,
      message: expect.stringMatching(/^cursor/),
    });

    it.each([
      '/incidents',
      '/problems',
      '/known-errors',
      '/action-items',
      '/alerts/unrouted',
    ])('answers 400 naming cursor on %s', async path => {
      for (const parts of FOREIGN) {
        expect(await answer(path, parts)).toEqual(refused(path, parts));
      }
    });

    it('refuses a priority beyond its column and a cursor of a uuid list on the timeline', async () => {
      const cases: [string, unknown[]][] = [
        ['/incidents?sort=priority', ['priority', 2147483648, 1, UUID]],
        ['/problems?sort=priority', ['priority', 1, 1, 'junk']],
      ];
      for (const [path, parts] of cases) {
        expect(await answer(path, parts)).toEqual(refused(path, parts));
      }
      const timeline = `/incidents/${incidentId}/timeline`;
      for (const parts of [[1, UUID], [1, '2'], [1, 'junk'], ...FOREIGN]) {
        expect(await answer(timeline, parts)).toEqual(refused(timeline, parts));
      }
    });

    it('still pages the timeline and the incidents with their own cursors', async () => {
      const timeline = `/api/itsm/incidents/${incidentId}/timeline`;
      const first = await request(server)
        .get(`${timeline}?limit=1`)
        .set(ben)
        .expect(200);
      const next = await request(server)
        .get(`${timeline}?limit=1&cursor=${first.body.nextCursor}`)
        .set(ben)
        .expect(200);
      expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
      await request(server)
        .get(`/api/itsm/incidents?cursor=${cursorOf([1, UUID])}`)
        .set(ben)
        .expect(200);
    });
  });
});
