import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ItsmSearchDocument,
  SearchDocumentKind,
} from '@backstage-itsm/plugin-itsm-common';
import itsmPlugin from '@backstage-itsm/plugin-itsm-backend';
import { AddressInfo } from 'net';
import { ItsmCollatorFactory } from './ItsmCollatorFactory';
import { readCollatorSettings } from './readCollatorSettings';

jest.setTimeout(120_000);

const DAY_MS = 24 * 60 * 60 * 1000;
const ENTITIES = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ben', namespace: 'default' },
    spec: {},
  },
];
const ben = {
  Authorization: mockCredentials.user.header('user:default/ben'),
  'Content-Type': 'application/json',
};

const realFetch = global.fetch;
const requests: string[] = [];
// Only the collator's page requests: the plugin's own background work (its
// notification sends) fetches too, at times of its own.
jest.spyOn(global, 'fetch').mockImplementation((input, init) => {
  if (String(input).includes('/search-documents?')) {
    requests.push(String(input));
  }
  return realFetch(input, init);
});

describe('ItsmCollatorFactory', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Awaited<ReturnType<typeof databases.init>>;
    let baseUrl: string;

    async function send(method: string, path: string, body?: object) {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: ben,
        body: body && JSON.stringify(body),
      });
      expect(res.status).toBeLessThan(300);
      return res.json();
    }

    async function collect(
      kind: SearchDocumentKind,
      config: object = {},
    ): Promise<ItsmSearchDocument[]> {
      const factory = ItsmCollatorFactory.create({
        kind,
        settings: readCollatorSettings(
          new ConfigReader({ search: { collators: { itsm: config } } }),
        ),
        discovery: {
          getBaseUrl: async () => baseUrl,
          getExternalBaseUrl: async () => baseUrl,
        },
        auth: mockServices.auth({ pluginId: 'search' }),
      });
      const documents: ItsmSearchDocument[] = [];
      for await (const document of await factory.getCollator()) {
        documents.push(document);
      }
      return documents;
    }

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockImplementation(async reqs =>
        reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
      );
      permissions.authorizeConditional.mockImplementation(async reqs =>
        reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
      );
      const backend = await startTestBackend({
        features: [
          itsmPlugin,
          permissions.factory,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: ENTITIES }),
        ],
      });
      const { port } = backend.server.address() as AddressInfo;
      baseUrl = `http://localhost:${port}/api/itsm`;

      for (let i = 0; i < 5; i++) {
        await send('POST', '/incidents', {
          title: `Checkout times out ${i}`,
          description: `Card payments hang after the redis-cache evicts keys ${i}`,
          entityRef: 'component:default/checkout-api',
          category: 'performance',
          impact: 2,
          urgency: 2,
        });
      }
      const old = await knex('itsm_incidents').orderBy('number').first();
      await knex('itsm_incidents')
        .where('id', old.id)
        .update({ created_at: Date.now() - 400 * DAY_MS });
      await send('PUT', `/incidents/${old.id}/postmortem`, {
        summary: 'Evictions starved the checkout cache',
        lessonsLearned: 'Size the cache for peak',
      });

      const problem = await send('POST', '/problems', {
        title: 'Cache evictions',
        statement: 'redis-cache evicts hot keys under load',
        entityRef: 'component:default/checkout-api',
        category: 'capacity',
        impact: 2,
        urgency: 2,
      });
      const documented = await send('PATCH', `/problems/${problem.id}`, {
        version: problem.version,
        rootCause: 'maxmemory is half the working set',
        workaround: 'Flush the session keys',
      });
      await send('POST', `/problems/${problem.id}/known-error`, {
        version: documented.version,
      });
      await send('POST', '/problems', {
        title: 'Slow ledger exports',
        statement: 'Exports take an hour',
        category: 'performance',
        impact: 3,
        urgency: 3,
      });
    });

    beforeEach(() => {
      requests.length = 0;
    });

    it('indexes the incidents of the window, with number, priority, status, entity and resource ref', async () => {
      const documents = await collect('incidents', { pageSize: 2 });
      expect(documents).toHaveLength(4);
      const incidents = await knex('itsm_incidents').orderBy('number');
      expect(documents[0]).toEqual({
        documentType: 'itsm-incident',
        title: 'INC-000002 Checkout times out 1',
        text: 'Card payments hang after the redis-cache evicts keys 1',
        location: '/itsm/incidents/INC-000002',
        number: 'INC-000002',
        priority: incidents[1].priority,
        status: 'new',
        entityRef: 'component:default/checkout-api',
        authorization: { resourceRef: incidents[1].id },
      });
      expect(documents.map(d => d.number)).toEqual([
        'INC-000002',
        'INC-000003',
        'INC-000004',
        'INC-000005',
      ]);
      expect(requests).toHaveLength(2);
      expect(requests[0]).toContain('limit=2');
      expect(requests[1]).toContain('cursor=');
    });

    it('widens the window as configured', async () => {
      const documents = await collect('incidents', {
        incidents: { windowDays: 500 },
        basePath: '/ops/',
      });
      expect(documents).toHaveLength(5);
      expect(documents[0].location).toBe('/ops/incidents/INC-000001');
      expect(requests).toHaveLength(1);
    });

    it('indexes problems and known errors apart, each once, by their problem', async () => {
      const problems = await collect('problems', { pageSize: 1 });
      const knownErrors = await collect('known-errors');
      expect(problems.map(d => d.title)).toEqual([
        'PRB-000002 Slow ledger exports',
      ]);
      expect(problems[0].entityRef).toBe('');
      expect(knownErrors).toHaveLength(1);
      const [knownError] = knownErrors;
      const row = await knex('itsm_problems').where('number', 1).first();
      expect(knownError).toMatchObject({
        documentType: 'itsm-known-error',
        title: 'PRB-000001 Cache evictions',
        location: '/itsm/problems/PRB-000001',
        status: row.status,
        authorization: { resourceRef: row.id },
      });
      expect(knownError.text).toContain('Flush the session keys');
      expect(knownError.text).toContain('maxmemory is half the working set');
    });

    it('indexes every postmortem on its incident, unless held to the incident window', async () => {
      const postmortems = await collect('postmortems');
      const old = await knex('itsm_incidents').where('number', 1).first();
      expect(postmortems).toEqual([
        expect.objectContaining({
          title: 'Postmortem of INC-000001 Checkout times out 0',
          location: '/itsm/incidents/INC-000001',
          authorization: { resourceRef: old.id },
          text: expect.stringContaining('Size the cache for peak'),
        }),
      ]);
      await knex('itsm_postmortems')
        .where('incident_id', old.id)
        .update({ created_at: Date.now() - 400 * DAY_MS });
      expect(
        await collect('postmortems', {
          postmortems: { withinIncidentWindow: true },
        }),
      ).toEqual([]);
    });

    it('declares the read permission of its records for visibility', () => {
      const settings = readCollatorSettings(new ConfigReader({}));
      const deps = {
        settings,
        discovery: mockServices.discovery(),
        auth: mockServices.auth(),
      };
      const kinds: [SearchDocumentKind, string, string][] = [
        ['incidents', 'itsm-incident', 'itsm.incident.read'],
        ['postmortems', 'itsm-postmortem', 'itsm.incident.read'],
        ['problems', 'itsm-problem', 'itsm.problem.read'],
        ['known-errors', 'itsm-known-error', 'itsm.problem.read'],
      ];
      for (const [kind, type, permission] of kinds) {
        const factory = ItsmCollatorFactory.create({ kind, ...deps });
        expect([factory.type, factory.visibilityPermission.name]).toEqual([
          type,
          permission,
        ]);
      }
    });

    it('fails the collation with the API error when the backend refuses a user token', async () => {
      const factory = ItsmCollatorFactory.create({
        kind: 'incidents',
        settings: readCollatorSettings(new ConfigReader({})),
        discovery: {
          getBaseUrl: async () => baseUrl,
          getExternalBaseUrl: async () => baseUrl,
        },
        auth: mockServices.auth.mock({
          getOwnServiceCredentials: async () => mockCredentials.service(),
          getPluginRequestToken: async () => ({
            token: mockCredentials.user.token('user:default/ben'),
          }),
        }),
      });
      const collator = await factory.getCollator();
      await expect(collator.toArray()).rejects.toMatchObject({
        statusCode: 403,
        cause: expect.objectContaining({
          message: 'Search documents are for backend services only',
        }),
      });
    });
  });
});
