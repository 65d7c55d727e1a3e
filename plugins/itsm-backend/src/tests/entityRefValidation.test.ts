import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { TEST_ENTITIES, incidentInput } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = { Authorization: mockCredentials.user.header('user:default/ben') };

type Server = Parameters<typeof request>[0];

const problemInput = {
  title: 'Checkout fails under load',
  statement: 'Several incidents show gateway errors',
  category: 'availability',
  impact: 2,
  urgency: 2,
};

describe('entity refs the catalog would not accept', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    let incidentId: string;
    let version: number;
    const looked: string[] = [];

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const catalog = catalogServiceMock({ entities: TEST_ENTITIES });
      // Answers like a catalog whose by-name URL normalises to its entity
      // list: any ref "exists". Only validation can refuse a dot segment.
      const lookUp = catalog.getEntityByRef.bind(catalog);
      catalog.getEntityByRef = (async (ref, options) => {
        looked.push(String(ref));
        const found = await lookUp(ref, options);
        return found ?? (TEST_ENTITIES[0] as Entity);
      }) as typeof catalog.getEntityByRef;
      const backend = await startTestBackend({
        features: [
          itsmPlugin,
          mockServices.database.factory({ knex }),
          createServiceFactory({
            service: catalogServiceRef,
            deps: {},
            factory: () => catalog,
          }),
        ],
      });
      server = backend.server;
      const created = await request(server)
        .post('/api/itsm/incidents')
        .set(ben)
        .send(incidentInput());
      if (created.status !== 201) {
        throw new Error(`could not create an incident: ${created.status}`);
      }
      incidentId = created.body.id;
      version = created.body.version;
      looked.length = 0;
    });

    /** The status and message, to match against one pattern. */
    function refusalOf(res: request.Response) {
      return `${res.status} ${res.body.error?.message}`;
    }

    function refused(field: string, part: 'kind' | 'namespace' | 'name') {
      return new RegExp(`^400 ${field}: '.*' has an invalid ${part} \\(`);
    }

    it('refuses a dot-segment entity when an incident is created', async () => {
      const res = await request(server)
        .post('/api/itsm/incidents')
        .set(ben)
        .send(incidentInput({ entityRef: 'component:../..' }));
      expect(refusalOf(res)).toMatch(refused('entityRef', 'namespace'));
      expect(looked).toEqual([]);
    });

    it('refuses a dot-segment entity when a problem is created', async () => {
      const res = await request(server)
        .post('/api/itsm/problems')
        .set(ben)
        .send({ ...problemInput, entityRef: 'component:default/..' });
      expect(refusalOf(res)).toMatch(refused('entityRef', 'name'));
      expect(looked).toEqual([]);
    });

    it('refuses a dot-segment assignee on an incident', async () => {
      const res = await request(server)
        .patch(`/api/itsm/incidents/${incidentId}`)
        .set(ben)
        .send({ version, assigneeRef: 'user:../..' });
      expect(refusalOf(res)).toMatch(refused('assigneeRef', 'namespace'));
      expect(looked).toEqual([]);
    });

    it.each([
      ['component:../..', 'namespace'],
      ['comp.onent:default/x', 'kind'],
      ['component:default/a%2Fb', 'name'],
    ] as const)('refuses the list filter entityRef=%s', async (ref, part) => {
      const res = await request(server)
        .get('/api/itsm/incidents')
        .query({ entityRef: ref })
        .set(ben);
      expect(refusalOf(res)).toMatch(refused('entityRef', part));
    });

    it('still accepts valid refs in any case', async () => {
      const res = await request(server)
        .get('/api/itsm/incidents')
        .query({ entityRef: 'Component:Default/checkout-api' })
        .set(ben);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toContain(
        incidentId,
      );
    });
  });
});
