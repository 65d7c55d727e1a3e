import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { TEST_ENTITIES } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = { Authorization: mockCredentials.user.header('user:default/ben') };
/** The last millisecond a JavaScript date can hold. */
const LAST_DATE_MS = 8.64e15;
const DAY_MS = 24 * 60 * 60 * 1000;

type Server = Parameters<typeof request>[0];

describe('analysis times beyond the JavaScript date range', () => {
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

    it.each([
      ['from', `from=${LAST_DATE_MS + 1}`],
      ['to', `to=${LAST_DATE_MS + 1}`],
      ['to', `from=${LAST_DATE_MS - DAY_MS}&to=${LAST_DATE_MS + DAY_MS}`],
      ['from', 'from=%2B275760-09-14T00:00:00.001Z'],
      ['to', 'to=%2B300000-01-01T00:00:00.000Z'],
      ['to', `to=${300000 * 365 * DAY_MS}`],
      ['from', `from=${2 ** 53}`],
    ])('answers 400 naming %s for %s', async (field, query) => {
      const res = await request(server)
        .get(`/api/itsm/analysis?${query}`)
        .set(ben);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        new RegExp(`^Invalid query: ${field}: `),
      );
    });

    it('analyses the last days a date can hold', async () => {
      const res = await request(server)
        .get(
          `/api/itsm/analysis?from=${LAST_DATE_MS - DAY_MS}&to=${LAST_DATE_MS}`,
        )
        .set(ben);
      expect(res.status).toBe(200);
    });
  });
});
