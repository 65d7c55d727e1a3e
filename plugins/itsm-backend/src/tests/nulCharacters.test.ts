import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import {
  TEST_ENTITIES,
  alertmanagerWebhook,
  eventsV2,
  firingAlert,
  incidentInput,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = { Authorization: mockCredentials.user.header('user:default/ben') };
const NUL = '\u0000';

type Server = Parameters<typeof request>[0];

describe('NUL characters', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    let knex: Knex;
    let incidentId: string;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
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

    it.each<
      [
        string,
        'post' | 'patch' | 'get',
        () => string,
        object | undefined,
        string,
      ]
    >([
      [
        'a create body',
        'post',
        () => '/incidents',
        incidentInput({ title: `Checkout${NUL} down` }),
        'Invalid body: title: must not contain NUL characters',
      ],
      [
        'a PATCH',
        'patch',
        () => `/incidents/${incidentId}`,
        { version: 1, description: `Gateway${NUL}` },
        'Invalid body: description: must not contain NUL characters',
      ],
      [
        'a note',
        'post',
        () => `/incidents/${incidentId}/notes`,
        { body: `Looking${NUL}` },
        'Invalid body: body: must not contain NUL characters',
      ],
      [
        'an extra key',
        'post',
        () => '/problems',
        { title: 'Pool', extra: { [`k${NUL}`]: 1 } },
        `Invalid body: extra.k${NUL}: must not contain NUL characters`,
      ],
      [
        'a text= filter',
        'get',
        () => `/incidents?text=${encodeURIComponent(`checkout${NUL}`)}`,
        undefined,
        'Invalid query: text: must not contain NUL characters',
      ],
      [
        'a systemRef filter',
        'get',
        () => `/problems?systemRef=${encodeURIComponent(`system:a${NUL}`)}`,
        undefined,
        'Invalid query: systemRef: must not contain NUL characters',
      ],
    ])(
      'answers %s with 400 naming the field',
      async (_label, method, path, body, message) => {
        const req = request(server)[method](`/api/itsm${path()}`).set(ben);
        const res = body ? await req.send(body) : await req;
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(message);
      },
    );

    it('drops NUL characters from an Alertmanager alert and keeps it', async () => {
      const fingerprint = `nul-am-${databaseId}`;
      const res = await request(server)
        .post('/api/itsm/alerts/alertmanager')
        .set(ben)
        .send(
          alertmanagerWebhook([
            firingAlert({
              fingerprint: `${fingerprint}${NUL}`,
              annotations: { summary: `Errors${NUL} rise` },
              [`extra${NUL}`]: { note: NUL },
            }),
          ]),
        );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ opened: 1 });
      const incident = await knex('itsm_incidents')
        .where({ dedup_key: fingerprint })
        .first();
      expect(incident.title).toBe('HighErrorRate: Errors rise');
    });

    it('drops NUL characters from an Events v2 event and keeps it', async () => {
      const dedupKey = `nul-pd-${databaseId}`;
      const res = await request(server)
        .post('/api/itsm/alerts/pagerduty/v2/enqueue')
        .set(ben)
        .send(
          eventsV2({
            dedup_key: dedupKey,
            payload: {
              summary: `Latency${NUL} high`,
              source: 'prometheus',
              severity: 'warning',
              component: 'payments-api',
              custom_details: { [`p99${NUL}`]: `2.4s${NUL}` },
            },
          }),
        );
      expect(res.status).toBe(202);
      expect(res.body.dedup_key).toBe(dedupKey);
      const incident = await knex('itsm_incidents')
        .where({ dedup_key: dedupKey })
        .first();
      expect(incident.title).toBe('Latency high');
    });
  });
});
