import { TestDatabases } from '@backstage/backend-test-utils';
import { formatIncidentNumber } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { INCIDENT_SEARCH } from '../database/incidents';
import { decodeListCursor } from '../database/listCursor';
import { applyDatabaseMigrations } from '../database/migrations';
import { PROBLEM_SEARCH } from '../database/problems';
import {
  entityLexeme,
  parseSearchWords,
  whereWordsMatch,
} from '../database/wordSearch';
import { createTestServices, userCaller } from '../__testUtils__/fixtures';
import {
  INC,
  LIST_ENTITIES,
  PRB,
  incidentRow,
  insertListFixture,
  onlyPaymentsTeam,
} from '../__testUtils__/listFixture';

jest.setTimeout(120_000);

const ben = userCaller('ben');

/** Word search of the incident, problem and known error lists. */
describe('word search', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    await insertListFixture(knex);
    const { services, permissions } = createTestServices(knex, {
      entities: LIST_ENTITIES,
    });
    const incidents = async (text: string, sort?: 'newest') =>
      (
        await services.incidents.list({
          filter: { text },
          sort,
          limit: 25,
          caller: ben,
        })
      ).items.map(i => i.number);
    const problems = async (text: string) =>
      (
        await services.problems.list({
          filter: { text },
          limit: 25,
          caller: ben,
        })
      ).items.map(p => p.number);
    return { knex, services, permissions, incidents, problems };
  }

  const inc = (n: number) => formatIncidentNumber(n);

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('needs every word, in any order, in title or description', async () => {
      const { incidents } = await setup(databaseId);
      const expected = [INC.gatewayTitle, INC.ordersSlow, INC.checkoutDeploy];
      expect(await incidents('gateway 503')).toEqual(expected.map(inc));
      expect(await incidents('503 Gateway')).toEqual(expected.map(inc));
      expect(await incidents('checkout 503')).toEqual(
        [INC.checkoutDeploy, INC.gatewayTitle].map(inc),
      );
      expect(await incidents('gateway vendor')).toEqual([]);
    });

    it('finds the same words within entities', async () => {
      const { services } = await setup(databaseId);
      const within = async (text: string, entityRefs: string[]) =>
        (
          await services.incidents.list({
            filter: { text, entityRefs },
            limit: 25,
            caller: ben,
          })
        ).items.map(i => i.number);
      expect(
        await within('gateway 503', [
          'component:default/checkout-api',
          'resource:default/orders-db',
        ]),
      ).toEqual(
        [INC.gatewayTitle, INC.ordersSlow, INC.checkoutDeploy].map(inc),
      );
      expect(await within('503', ['resource:default/orders-db'])).toEqual([
        inc(INC.ordersSlow),
      ]);
      expect(await within('311', ['component:default/payments-api'])).toEqual(
        [INC.loginNumber, INC.loginTitle].map(inc),
      );
    });

    it('finds words from their start and hyphenated words whole or in part', async () => {
      const { incidents } = await setup(databaseId);
      expect(await incidents('gate')).toEqual(
        [INC.gatewayTitle, INC.ordersSlow, INC.checkoutDeploy].map(inc),
      );
      expect(await incidents('api-gateway')).toEqual(
        [INC.gatewayTitle, INC.checkoutDeploy].map(inc),
      );
      expect(await incidents('api-gate')).toEqual(
        [INC.gatewayTitle, INC.checkoutDeploy].map(inc),
      );
      expect(await incidents('"Checkout," (deploys)')).toEqual([
        inc(INC.checkoutDeploy),
      ]);
    });

    it('finds a number as 311, INC-311 or INC-000311, the numbered one first', async () => {
      const { incidents } = await setup(databaseId);
      expect(await incidents('INC-311')).toEqual([inc(INC.loginNumber)]);
      expect(await incidents('inc-000311')).toEqual([inc(INC.loginNumber)]);
      expect(await incidents('311')).toEqual(
        [INC.loginNumber, INC.loginTitle].map(inc),
      );
      expect(await incidents('login 311')).toEqual(
        [INC.loginNumber, INC.loginTitle].map(inc),
      );
      expect(await incidents('INC-311 broken')).toEqual([inc(INC.loginNumber)]);
      expect(await incidents('INC-311 expire')).toEqual([]);
    });

    it('ranks title matches before the rest, newest first within each, and pages through', async () => {
      const { services, knex, incidents } = await setup(databaseId);
      await knex('itsm_incidents').insert(
        Array.from({ length: 6 }, (_, i) =>
          incidentRow(400 + i, 20 + i, {
            title: i % 2 ? `Gateway 503 storm ${i}` : `Storm ${i}`,
            description: i % 2 ? 'Edge' : 'The gateway answered 503',
            entity_ref: 'component:default/payments-api',
          }),
        ),
      );
      const ranked = [405, 403, 401, INC.gatewayTitle, 404, 402, 400];
      const all = await incidents('gateway 503');
      expect(all).toEqual(
        [...ranked, INC.ordersSlow, INC.checkoutDeploy].map(inc),
      );
      expect(await incidents('gateway 503', 'newest')).toEqual(
        [405, 404, 403, 402, 401, 400]
          .concat([INC.ordersSlow, INC.checkoutDeploy, INC.gatewayTitle])
          .map(inc),
      );
      const paged = async (entityRefs?: string[]) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: {
            items: { number: string }[];
            nextCursor: string | null;
          } = await services.incidents.list({
            filter: { text: 'gateway 503', entityRefs },
            after: cursor ? decodeListCursor(cursor, 'relevance') : undefined,
            limit: 2,
            caller: ben,
          });
          seen.push(...page.items.map(i => i.number));
          cursor = page.nextCursor;
        } while (cursor);
        return seen;
      };
      expect(await paged()).toEqual(all);
      // Within one entity, through its newest records, in the same order.
      expect(await paged(['component:default/payments-api'])).toEqual(
        [405, 403, 401, 404, 402, 400].map(inc),
      );
      const sorted = async (sort: 'newest' | 'oldest' | 'priority') =>
        (
          await services.incidents.list({
            filter: {
              text: 'gateway 503',
              entityRefs: ['component:default/payments-api'],
            },
            sort,
            limit: 25,
            caller: ben,
          })
        ).items.map(i => i.number);
      expect(await sorted('newest')).toEqual(
        [405, 404, 403, 402, 401, 400].map(inc),
      );
      expect(await sorted('oldest')).toEqual(
        [400, 401, 402, 403, 404, 405].map(inc),
      );
      expect(await sorted('priority')).toEqual(
        [400, 401, 402, 403, 404, 405].map(inc),
      );
    });

    it('searches problems in title, statement, symptoms, root cause, workaround and number', async () => {
      const { problems } = await setup(databaseId);
      const prb = (n: number) => `PRB-${String(n).padStart(6, '0')}`;
      expect(await problems('gateway 503')).toEqual([prb(PRB.gateway)]);
      expect(await problems('drops edge')).toEqual([prb(PRB.gateway)]);
      expect(await problems('sluggish')).toEqual([prb(PRB.pool)]);
      expect(await problems('exhausted retries')).toEqual([prb(PRB.pool)]);
      expect(await problems('manual night vacuum')).toEqual([prb(PRB.known)]);
      expect(await problems('PRB-42')).toEqual([prb(PRB.pool)]);
      expect(await problems('prb-000042')).toEqual([prb(PRB.pool)]);
      expect(await problems('42')).toEqual([prb(PRB.pool)]);
    });

    it('searches known errors with the same words', async () => {
      const { services } = await setup(databaseId);
      const found = await services.knownErrors.list({
        text: 'gateway 503',
        limit: 25,
        caller: ben,
      });
      expect(found.items.map(p => p.title)).toEqual([
        'api-gateway returns HTTP 503 under load',
      ]);
      const none = await services.knownErrors.list({
        text: 'sluggish',
        limit: 25,
        caller: ben,
      });
      expect(none.items).toEqual([]);
    });

    it('keeps to the records the caller may read', async () => {
      const { incidents, problems, permissions } = await setup(databaseId);
      onlyPaymentsTeam(permissions);
      expect(await incidents('login')).toEqual(
        [INC.loginTitle, INC.loginNumber].map(inc),
      );
      expect(await incidents('gateway 503')).toEqual([]);
      expect(await problems('payments')).toEqual(['PRB-000042']);
      expect(await problems('gateway')).toEqual([]);
    });
  });

  it('matches words through the full-text index on PostgreSQL', async () => {
    if (!databases.eachSupportedId().flat().includes('POSTGRES_16')) {
      throw new Error(
        'set BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING',
      );
    }
    const knex = await databases.init('POSTGRES_16');
    await applyDatabaseMigrations(knex);
    const plan = async (
      table: string,
      target: typeof INCIDENT_SEARCH,
      entityRefs?: string[],
    ) => {
      const query = knex(table).select('*');
      whereWordsMatch(query, {
        db: knex,
        target,
        words: parseSearchWords('gateway 503', target.parseReference),
        entityRefs,
      });
      const { sql, bindings } = query.toSQL();
      return knex.transaction(async (tx: Knex.Transaction) => {
        await tx.raw('SET LOCAL enable_seqscan = off');
        const result = await tx.raw(`EXPLAIN ${sql}`, bindings as any[]);
        return result.rows.map((r: any) => r['QUERY PLAN']).join('\n');
      });
    };
    expect(await plan('itsm_incidents', INCIDENT_SEARCH)).toContain(
      'Bitmap Index Scan on itsm_incidents_search_idx',
    );
    expect(await plan('itsm_problems', PROBLEM_SEARCH)).toContain(
      'Bitmap Index Scan on itsm_problems_search_idx',
    );
    // Within entities, one index condition: the words and any of the entities.
    const entities = [
      'component:default/checkout-api',
      'resource:default/orders-db',
    ];
    const scoped = await plan('itsm_incidents', INCIDENT_SEARCH, entities);
    expect(scoped).toContain('Bitmap Index Scan on itsm_incidents_search_idx');
    expect(scoped).toContain(
      `Index Cond: (search_vector @@ '''gateway'' & ''503'' & ( ''${entityLexeme(
        entities[0],
      )}'' | ''${entityLexeme(entities[1])}'' )'::tsquery)`,
    );
  });
});
