import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  BODY_VALUES,
  CorpusOperation,
  PATH_VALUES,
  QUERY_SHAPES,
  QUERY_VALUES,
  WHOLE_BODIES,
  corpusOperations,
  sampleOf,
  withField,
  withLeadingKey,
} from '../__testUtils__/badInputCorpus';
import {
  TEST_ENTITIES,
  alertmanagerWebhook,
  eventsV2,
  firingAlert,
  incidentInput,
} from '../__testUtils__/fixtures';
import {
  Server,
  mockPermissions,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(600_000);

const ben = userHeader('ben');
/** For operations that answer users 403, such as the search collator's. */
const searchService = {
  Authorization: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:search'),
    targetPluginId: 'itsm',
  }),
};
const CHECKOUT = 'component:default/checkout-api';

/** Ids of records created before the corpus runs, for path params and bodies. */
interface Ids {
  incident: string;
  otherIncident: string;
  problem: string;
  unrouted: string;
  otherUnrouted: string;
  actionItem: string;
}

/** Valid bodies by operation, so that only the mutated field is bad. */
const VALID_BODIES: Record<string, (ids: Ids) => Record<string, unknown>> = {
  'POST /incidents': () => incidentInput(),
  'PATCH /incidents/{id}': () => ({ version: 1, title: 'Checkout is slow' }),
  'POST /incidents/{id}/transitions': () => ({ version: 1, to: 'in_progress' }),
  'POST /incidents/{id}/known-error': ids => ({
    version: 1,
    problemId: ids.problem,
  }),
  'POST /incidents/{id}/notes': () => ({ body: 'Rolled back the gateway' }),
  'PUT /incidents/{id}/postmortem': () => ({ summary: 'Gateway timeouts' }),
  'POST /incidents/{id}/problem': () => ({ title: 'Gateway timeouts' }),
  'POST /problems': () => ({
    title: 'Gateway timeouts',
    statement: 'The gateway times out under load',
    entityRef: CHECKOUT,
    category: 'availability',
    impact: 2,
    urgency: 2,
  }),
  'PATCH /problems/{id}': () => ({ version: 1, title: 'Gateway overload' }),
  'POST /problems/{id}/transitions': () => ({ version: 1, to: 'assess' }),
  'POST /problems/{id}/known-error': () => ({
    version: 1,
    symptoms: 'Checkout fails',
  }),
  'POST /problems/{id}/notes': () => ({ body: 'Load test planned' }),
  'POST /problems/{id}/incidents/{incidentId}': () => ({
    holdIncident: false,
  }),
  'POST /action-items': ids => ({
    parentType: 'problem',
    parentId: ids.problem,
    title: 'Add a retry',
    ownerRef: 'user:default/ben',
    kind: 'corrective',
  }),
  'PATCH /action-items/{id}': () => ({ version: 1, title: 'Add two retries' }),
  'POST /alerts/alertmanager': () =>
    alertmanagerWebhook([firingAlert()]) as Record<string, unknown>,
  'POST /alerts/pagerduty/v2/enqueue': () => eventsV2(),
  'POST /alerts/unrouted/{id}/dismiss': () => ({ reason: 'Test alert' }),
  'POST /alerts/unrouted/{id}/assign': () => ({ entityRef: CHECKOUT }),
};

/** Valid values for required query parameters, by name. */
const VALID_QUERY: Record<string, string> = { entityRef: CHECKOUT };

function validBody(op: CorpusOperation, ids: Ids): Record<string, unknown> {
  const written = VALID_BODIES[`${op.method.toUpperCase()} ${op.path}`];
  if (written) {
    return written(ids);
  }
  return Object.fromEntries(
    op.requiredFields.map(field => [
      field,
      sampleOf(op.bodyFields[field], field),
    ]),
  );
}

function validQuery(op: CorpusOperation, except?: string): string[] {
  return op.queryParams
    .filter(p => p.required && p.name !== except)
    .map(
      p =>
        `${p.name}=${encodeURIComponent(
          VALID_QUERY[p.name] ?? sampleOf(p.schema, p.name),
        )}`,
    );
}

function idFor(op: CorpusOperation, param: string, ids: Ids): string {
  if (param === 'incidentId') {
    return ids.otherIncident;
  }
  if (op.path.startsWith('/problems')) {
    return ids.problem;
  }
  if (op.path.endsWith('/assign')) {
    return ids.otherUnrouted;
  }
  if (op.path.startsWith('/alerts/unrouted')) {
    return ids.unrouted;
  }
  if (op.path.startsWith('/action-items')) {
    return ids.actionItem;
  }
  return ids.incident;
}

/** The operation's path with ids filled in, and `value` for `param` if given. */
function pathOf(
  op: CorpusOperation,
  ids: Ids,
  bad?: { param: string; value: string },
): string {
  return op.path.replace(/\{(\w+)\}/g, (_, param) =>
    bad && param === bad.param ? bad.value : idFor(op, param, ids),
  );
}

/** A case that answered 5xx, or 400 without naming the field it was about. */
interface Failure {
  label: string;
  status: number;
  message: string;
}

describe('bad-input corpus over every operation of openapi.yaml', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  const ops = corpusOperations();

  it('reads every operation from the document', () => {
    expect(ops.length).toBeGreaterThanOrEqual(51);
    expect(ops.filter(op => op.hasBody).length).toBeGreaterThanOrEqual(19);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    let ids: Ids;

    async function created(path: string, body: object): Promise<string> {
      const res = await request(server)
        .post(`/api/itsm${path}`)
        .set(ben)
        .send(body)
        .expect(201);
      return res.body.id;
    }

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const { permissions, allow } = mockPermissions();
      allow(AuthorizeResult.ALLOW);
      server = await startItsmBackend({
        permissions,
        entities: TEST_ENTITIES,
        knex,
      });
      const incident = await created('/incidents', incidentInput());
      const otherIncident = await created('/incidents', incidentInput());
      const problem = await created(`/incidents/${incident}/problem`, {});
      const actionItem = await created('/action-items', {
        parentType: 'problem',
        parentId: problem,
        title: 'Add a retry',
      });
      await request(server)
        .post('/api/itsm/alerts/alertmanager')
        .set(ben)
        .send(
          alertmanagerWebhook(
            ['X', 'Y'].map(alertname =>
              firingAlert({
                labels: { alertname, service: 'nowhere' },
                fingerprint: alertname,
              }),
            ),
          ),
        )
        .expect(200);
      const unrouted = await request(server)
        .get('/api/itsm/alerts/unrouted')
        .set(ben)
        .expect(200);
      ids = {
        incident,
        otherIncident,
        problem,
        actionItem,
        unrouted: unrouted.body.items[0].id,
        otherUnrouted: unrouted.body.items[1].id,
      };
    });

    /** The version of the record an operation edits, for valid bodies that carry one. */
    async function versionOf(op: CorpusOperation): Promise<number | undefined> {
      const [, collection] = op.path.split('/');
      if (collection === 'action-items') {
        const res = await request(server)
          .get(
            `/api/itsm/action-items?parentType=problem&parentId=${ids.problem}`,
          )
          .set(ben);
        return res.body.items?.find(
          (item: { id: string }) => item.id === ids.actionItem,
        )?.version;
      }
      if (collection === 'incidents' || collection === 'problems') {
        const id = collection === 'incidents' ? ids.incident : ids.problem;
        const res = await request(server)
          .get(`/api/itsm/${collection}/${id}`)
          .set(ben);
        return res.body.version;
      }
      return undefined;
    }

    it('answers no 5xx, and a 400 that names the field, for every bad input of every operation', async () => {
      const failures: Failure[] = [];
      let sent = 0;

      let relaxed = 0;
      /** The operation under test, its valid body and who sends it. */
      const current: {
        op: CorpusOperation;
        headers: Record<string, string>;
        base?: Record<string, unknown>;
      } = { op: ops[0], headers: ben };
      type Case = {
        label: string;
        op: CorpusOperation;
        path: string;
        query?: string[];
        body?: string;
        /** The field a 400 must name. */
        field?: string;
      };

      async function send(options: Case) {
        const { op, query = [], body } = options;
        const search = query.length > 0 ? `?${query.join('&')}` : '';
        let req = request(server)
          [op.method](`/api/itsm${options.path}${search}`)
          .set(current.headers);
        if (body !== undefined) {
          req = req.set('Content-Type', 'application/json').send(body);
        }
        sent += 1;
        return req;
      }

      async function check(options: Case) {
        const { op } = options;
        const res = await send(options);
        const message = String(res.body?.error?.message ?? '');
        let unnamed =
          res.status === 400 &&
          options.field !== undefined &&
          !message.includes(options.field);
        // The field is not the cause when the valid request is refused too,
        // e.g. a transition that an earlier case already made.
        if (unnamed && (await send(validCase())).status === 400) {
          unnamed = false;
          relaxed += 1;
        }
        if (res.status >= 500 || unnamed) {
          failures.push({ label: options.label, status: res.status, message });
        }
        if (res.status < 300 && op.method !== 'get' && current.base?.version) {
          // An accepted edit moves the version on; later cases must not be stale.
          current.base.version = (await versionOf(op)) ?? current.base.version;
        }
        return res.status;
      }

      function validCase(): Case {
        const { op, base } = current;
        return {
          label: `${op.method.toUpperCase()} ${op.path} valid`,
          op,
          path: pathOf(op, ids),
          query: validQuery(op),
          body: base && JSON.stringify(base),
        };
      }

      for (const op of ops) {
        const name = `${op.method.toUpperCase()} ${op.path}`;
        const path = pathOf(op, ids);
        const base = op.hasBody ? validBody(op, ids) : undefined;
        if (base?.version) {
          base.version = (await versionOf(op)) ?? base.version;
        }
        Object.assign(current, { op, base, headers: ben });
        if ((await check(validCase())) === 403) {
          current.headers = searchService;
          await check(validCase());
        }

        for (const param of op.queryParams) {
          const others = validQuery(op, param.name);
          for (const [kind, value] of QUERY_VALUES) {
            await check({
              label: `${name} ?${param.name}=${kind}`,
              op,
              path,
              query: [...others, `${param.name}=${value}`],
              body: base && JSON.stringify(base),
              field: param.name,
            });
          }
          for (const [kind, text] of QUERY_SHAPES) {
            await check({
              label: `${name} ?${param.name} as ${kind}`,
              op,
              path,
              query: [...others, text(param.name)],
              body: base && JSON.stringify(base),
              field: param.name,
            });
          }
        }

        for (const param of op.pathParams) {
          for (const [kind, value] of PATH_VALUES) {
            await check({
              label: `${name} {${param}}=${kind}`,
              op,
              path: pathOf(op, ids, { param, value }),
              query: validQuery(op),
              body: base && JSON.stringify(base),
            });
          }
        }

        if (!base) {
          continue;
        }
        for (const field of Object.keys(op.bodyFields)) {
          for (const [kind, value] of BODY_VALUES) {
            await check({
              label: `${name} body.${field}=${kind}`,
              op,
              path,
              query: validQuery(op),
              body: withField(base, field, value),
              field,
            });
          }
        }
        for (const key of ['__proto__', 'constructor']) {
          await check({
            label: `${name} body with a ${key} key`,
            op,
            path,
            query: validQuery(op),
            body: withLeadingKey(base, key, '{"polluted":true}'),
          });
        }
        for (const [kind, value] of WHOLE_BODIES) {
          await check({
            label: `${name} body ${kind}`,
            op,
            path,
            query: validQuery(op),
            body: value,
          });
        }
      }

      expect(sent).toBeGreaterThan(3_000);
      // Excusing a 400 because the valid request fails too must stay rare.
      expect(relaxed).toBeLessThan(sent / 50);
      expect(failures).toEqual([]);
    });
  });
});
