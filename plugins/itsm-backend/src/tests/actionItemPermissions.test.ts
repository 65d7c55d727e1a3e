import { TestDatabases } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { ActionItem } from '@backstage-itsm/plugin-itsm-common';
import { decodeCursor } from '../database/cursor';
import {
  createMigratedTestServices,
  incidentInput,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(180_000);

const ben = userCaller('ben');
const PAST = '2026-10-01T00:00:00.000Z';
const FUTURE = '2027-01-01T00:00:00.000Z';

type Services = Awaited<
  ReturnType<typeof createMigratedTestServices>
>['services'];
type ListOptions = Omit<
  Parameters<Services['actionItems']['list']>[0],
  'caller' | 'limit' | 'after'
>;

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** Read access to the records of payments-team's entities only. */
function ownedByPayments(
  resourceType: 'itsm-incident' | 'itsm-problem',
): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'itsm',
    resourceType,
    conditions: {
      rule: 'IS_ENTITY_OWNER',
      resourceType,
      params: { claims: ['group:default/payments-team'] },
    },
  };
}

/**
 * Every form of the action item list applies the read rules of the parent
 * records, in SQL: a caller sees the items of the incidents and problems they
 * may read, and a 403 when they may read none of the parents asked for.
 */
describe('reading action items', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services, permissions } = await createMigratedTestServices(knex);
    const checkoutIncident = await services.incidents.create(
      incidentInput(),
      ben,
    );
    const paymentsIncident = await services.incidents.create(
      incidentInput({ entityRef: 'component:default/payments-api' }),
      ben,
    );
    const problemInput = {
      title: 'Pool exhaustion',
      statement: 'Connections run out at peak',
      category: 'capacity',
      impact: 2 as const,
      urgency: 2 as const,
    };
    const platformProblem = await services.problems.create(
      { ...problemInput, entityRef: 'resource:default/orders-db' },
      ben,
    );
    const paymentsProblem = await services.problems.create(
      { ...problemInput, entityRef: 'component:default/payments-api' },
      ben,
    );
    const parents = [
      { parentType: 'incident' as const, record: checkoutIncident },
      { parentType: 'incident' as const, record: paymentsIncident },
      { parentType: 'problem' as const, record: platformProblem },
      { parentType: 'problem' as const, record: paymentsProblem },
    ];
    for (const { parentType, record } of parents) {
      for (const [title, ownerRef, dueAt] of [
        ['overdue', 'user:default/ben', PAST],
        ['due later', 'user:default/alice', FUTURE],
        ['no due date', 'user:default/ben', undefined],
        ['done', 'user:default/alice', PAST],
      ] as const) {
        const item = await services.actionItems.create(
          {
            parentType,
            parentId: record.id,
            title: `${record.number} ${title}`,
            ownerRef,
            dueAt,
            kind: 'corrective',
          },
          ben,
        );
        if (title === 'done') {
          await services.actionItems.update({
            id: item.id,
            input: { version: 1, status: 'done' },
            caller: ben,
          });
        }
      }
    }
    const all = (await services.actionItems.list({ limit: 100, caller: ben }))
      .items;
    const readableParents = new Set([paymentsIncident.id, paymentsProblem.id]);

    function decide(decisions: {
      incident: PolicyDecision;
      problem: PolicyDecision;
    }) {
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(({ permission }) =>
          permission.name === 'itsm.incident.read'
            ? decisions.incident
            : decisions.problem,
        ),
      );
    }

    /** Every page of a list, walked two items at a time. */
    async function listAll(options: ListOptions): Promise<ActionItem[]> {
      const items: ActionItem[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: ActionItem[]; nextCursor: string | null } =
          await services.actionItems.list({
            ...options,
            after: cursor ? decodeCursor(cursor, 'uuid') : undefined,
            limit: 2,
            caller: ben,
          });
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    }

    /** SQL statements run while `action` runs. */
    async function statementsOf(action: () => Promise<unknown>) {
      const statements: string[] = [];
      const listener = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', listener);
      try {
        await action();
      } finally {
        knex.removeListener('query', listener);
      }
      return statements;
    }

    return {
      knex,
      services,
      all,
      parents,
      readableParents,
      checkoutIncident,
      paymentsIncident,
      platformProblem,
      paymentsProblem,
      decide,
      listAll,
      statementsOf,
    };
  }

  /** What a filter keeps, worked out from the full list. */
  function matches(item: ActionItem, options: ListOptions, now: number) {
    const overdue =
      item.status === 'open' &&
      item.dueAt !== null &&
      Date.parse(item.dueAt) < now;
    return (
      (!options.parentType || item.parentType === options.parentType) &&
      (!options.ownerRef || item.ownerRef === options.ownerRef) &&
      (!options.status || item.status === options.status) &&
      (options.overdue === undefined || overdue === options.overdue)
    );
  }

  const FILTERS: ListOptions[] = [
    {},
    { ownerRef: 'user:default/ben' },
    { status: 'open' },
    { status: 'done' },
    { overdue: true },
    { overdue: false },
    { ownerRef: 'user:default/alice', status: 'open', overdue: false },
  ];

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lists items not overdue with overdue=false, and only overdue ones with true', async () => {
      const { listAll } = await setup(databaseId);
      const titles = async (overdue: boolean) =>
        (await listAll({ parentType: 'problem', overdue }))
          .map(i => i.title.replace(/^PRB-\d+ /, ''))
          .sort();
      expect(await titles(true)).toEqual(['overdue', 'overdue']);
      expect(await titles(false)).toEqual([
        'done',
        'done',
        'due later',
        'due later',
        'no due date',
        'no due date',
      ]);
    });

    it('keeps only the items of readable parents, for every filter and without a parent', async () => {
      const { all, decide, listAll, readableParents } = await setup(databaseId);
      expect(all).toHaveLength(16);
      decide({
        incident: ownedByPayments('itsm-incident'),
        problem: ownedByPayments('itsm-problem'),
      });
      const now = Date.parse('2026-11-02T00:00:00Z');
      for (const parentType of [undefined, 'incident', 'problem'] as const) {
        for (const filter of FILTERS) {
          const options = { ...filter, parentType };
          const expected = all
            .filter(item => readableParents.has(item.parentId))
            .filter(item => matches(item, options, now))
            .map(item => item.title);
          expect({
            options,
            titles: (await listAll(options)).map(i => i.title),
          }).toEqual({ options, titles: expected });
          expect(expected.length).toBeGreaterThan(0);
        }
      }
    });

    it('lists the items of one readable parent and refuses an unreadable one', async () => {
      const { all, decide, listAll, parents, readableParents } = await setup(
        databaseId,
      );
      decide({
        incident: ownedByPayments('itsm-incident'),
        problem: ownedByPayments('itsm-problem'),
      });
      const now = Date.parse('2026-11-02T00:00:00Z');
      const outcomes = [];
      const expected = [];
      for (const { parentType, record } of parents) {
        for (const filter of FILTERS) {
          const options = { ...filter, parentType, parentId: record.number };
          outcomes.push({
            options,
            outcome: await listAll(options).then(
              items => items.map(i => i.title),
              (error: Error) => error.name,
            ),
          });
          expected.push({
            options,
            outcome: readableParents.has(record.id)
              ? all
                  .filter(item => item.parentId === record.id)
                  .filter(item => matches(item, options, now))
                  .map(item => item.title)
              : 'NotAllowedError',
          });
        }
      }
      expect(outcomes).toEqual(expected);
    });

    it('answers 403 without reading action items when no parent asked for is readable', async () => {
      const { decide, services, statementsOf, paymentsIncident } = await setup(
        databaseId,
      );
      const refused: [PolicyDecision, PolicyDecision, ListOptions][] = [
        [DENY, DENY, {}],
        [DENY, DENY, { ownerRef: 'user:default/ben', status: 'open' }],
        [DENY, DENY, { overdue: true }],
        [DENY, ALLOW, { parentType: 'incident' }],
        [DENY, ALLOW, { parentType: 'incident', overdue: false }],
        [
          DENY,
          ALLOW,
          { parentType: 'incident', parentId: paymentsIncident.number },
        ],
        [ALLOW, DENY, { parentType: 'problem', status: 'done' }],
      ];
      for (const [incident, problem, options] of refused) {
        decide({ incident, problem });
        const statements = await statementsOf(() =>
          expect(
            services.actionItems.list({ ...options, limit: 10, caller: ben }),
          ).rejects.toMatchObject({ name: 'NotAllowedError' }),
        );
        expect({
          options,
          readsActionItems: statements.some(sql =>
            sql.includes('itsm_action_items'),
          ),
        }).toEqual({ options, readsActionItems: false });
      }
    });

    it('lists only the readable kind when the other is denied', async () => {
      const { all, decide, listAll } = await setup(databaseId);
      const now = Date.parse('2026-11-02T00:00:00Z');
      decide({ incident: DENY, problem: ownedByPayments('itsm-problem') });
      const problemItems = all.filter(
        item =>
          item.parentType === 'problem' && item.title.startsWith('PRB-000002'),
      );
      for (const filter of FILTERS) {
        expect((await listAll(filter)).map(i => i.title)).toEqual(
          problemItems
            .filter(item => matches(item, filter, now))
            .map(i => i.title),
        );
      }
      decide({ incident: ALLOW, problem: DENY });
      expect((await listAll({})).map(i => i.parentType)).toEqual(
        Array(8).fill('incident'),
      );
    });
  });
});
