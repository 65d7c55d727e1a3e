import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  alertmanagerWebhook,
  firingAlert,
  incidentInput,
  serviceCaller,
  userCaller,
} from '../__testUtils__/fixtures';
import {
  CHECKOUT,
  ORDERS_DB,
  PAYMENTS,
  createTriageServices,
} from '../__testUtils__/triageFixture';

jest.setTimeout(120_000);

const ben = userCaller('ben');

describe('known errors at an incident', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services, permissions } = await createTriageServices(knex);

    /** Opens a problem and, unless `publish` is false, publishes it as a known error. */
    async function knownError(options: {
      title: string;
      entityRef?: string;
      affectedEntityRefs?: string[];
      workaround?: string;
      publish?: boolean;
    }) {
      const problem = await services.problems.create(
        {
          title: options.title,
          statement: options.title,
          entityRef: options.entityRef,
          affectedEntityRefs: options.affectedEntityRefs,
          category: 'capacity',
          impact: 2,
          urgency: 2,
        },
        ben,
      );
      const documented = await services.problems.update({
        idOrNumber: problem.id,
        input: {
          version: 1,
          rootCause: 'Found',
          workaround: options.workaround ?? 'Restart the pods',
        },
        caller: ben,
      });
      if (options.publish === false) {
        return documented;
      }
      return services.knownErrors.publish({
        idOrNumber: problem.id,
        input: { version: documented.version },
        caller: ben,
      });
    }

    const timeline = async (recordType: 'incident' | 'problem', id: string) =>
      (
        await services[
          recordType === 'incident' ? 'incidents' : 'problems'
        ].timeline({ idOrNumber: id, limit: 50, caller: ben })
      ).items.map(e => [e.kind, e.field, e.body]);
    return { services, permissions, knownError, timeline };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lists the known errors of the entity and of what it depends on, matching words first', async () => {
      const { services, knownError } = await setup(databaseId);
      const pool = await knownError({
        title: 'Orders database pool exhausted',
        entityRef: ORDERS_DB,
      });
      const retry = await knownError({
        title: 'Payment retries pile up',
        affectedEntityRefs: [PAYMENTS],
      });
      const cache = await knownError({
        title: 'Stale cache after deploy',
        entityRef: CHECKOUT,
      });
      await knownError({
        title: 'Orders database pool exhausted again',
        entityRef: ORDERS_DB,
        publish: false,
      });
      const retired = await knownError({
        title: 'Orders database failover',
        entityRef: ORDERS_DB,
      });
      await services.problems.transition({
        idOrNumber: retired.id,
        input: {
          version: retired.version,
          to: 'closed',
          resolutionCode: 'risk_accepted',
          resolutionNotes: 'Accepted',
        },
        caller: ben,
      });
      const incident = await services.incidents.create(
        incidentInput({
          title: 'Checkout fails: database pool exhausted',
          description: 'Orders cannot be saved',
        }),
        ben,
      );

      const { items } = await services.incidentKnownErrors.candidates(
        incident.number,
        ben,
      );
      expect(
        items.map(i => [i.problem.number, i.via, i.path, i.matchedWords]),
      ).toEqual([
        [pool.number, 'dependency', [CHECKOUT, PAYMENTS, ORDERS_DB], 4],
        [cache.number, 'entity', [CHECKOUT], 0],
        [retry.number, 'dependency', [CHECKOUT, PAYMENTS], 0],
      ]);
    });

    it('offers the same to an incident an alert opened', async () => {
      const { services, knownError } = await setup(databaseId);
      const slow = await knownError({
        title: 'Checkout requests fail under load',
        entityRef: PAYMENTS,
      });
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert()]),
        serviceCaller(),
      );
      const [opened] = (
        await services.incidents.list({ filter: {}, limit: 5, caller: ben })
      ).items;
      expect(opened).toMatchObject({
        source: 'alertmanager',
        entityRef: CHECKOUT,
      });
      const { items } = await services.incidentKnownErrors.candidates(
        opened.id,
        ben,
      );
      expect(items).toEqual([
        {
          problem: expect.objectContaining({ number: slow.number }),
          via: 'dependency',
          path: [CHECKOUT, PAYMENTS],
          matchedWords: 3,
        },
      ]);
    });

    it('links the incident and copies the workaround on "this is it"', async () => {
      const { services, knownError, timeline } = await setup(databaseId);
      const pool = await knownError({
        title: 'Pool exhausted',
        entityRef: ORDERS_DB,
        workaround: 'Restart payments-api',
      });
      const incident = await services.incidents.create(incidentInput(), ben);
      const linked = await services.incidentKnownErrors.confirm({
        incidentIdOrNumber: incident.number,
        input: { version: 1, problemId: pool.number },
        caller: ben,
      });
      expect(linked).toMatchObject({
        problemId: pool.id,
        workaround: 'Restart payments-api',
        mitigatedAt: expect.any(String),
        version: 2,
      });
      expect((await timeline('incident', incident.id)).slice(1)).toEqual([
        ['linked', 'problem', pool.number],
        [
          'field_changed',
          'workaround',
          `Workaround copied from known error ${pool.number}`,
        ],
      ]);
      expect(await timeline('problem', pool.id)).toContainEqual([
        'linked',
        'incident',
        incident.number,
      ]);
      expect(await services.problems.get(pool.id, ben)).toMatchObject({
        incidentCount: 1,
        affectedEntityRefs: [CHECKOUT],
      });
      const again = await services.incidentKnownErrors.confirm({
        incidentIdOrNumber: incident.id,
        input: { version: 2, problemId: pool.id },
        caller: ben,
      });
      expect(again.version).toBe(2);
    });

    it('keeps a workaround the incident already has', async () => {
      const { services, knownError, timeline } = await setup(databaseId);
      const pool = await knownError({ title: 'Pool', entityRef: ORDERS_DB });
      const incident = await services.incidents.create(
        incidentInput({ workaround: 'Fail over' }),
        ben,
      );
      const linked = await services.incidentKnownErrors.confirm({
        incidentIdOrNumber: incident.id,
        input: { version: 1, problemId: pool.id },
        caller: ben,
      });
      expect(linked).toMatchObject({
        problemId: pool.id,
        workaround: 'Fail over',
      });
      expect((await timeline('incident', incident.id)).map(r => r[0])).toEqual([
        'created',
        'linked',
      ]);
    });

    it('refuses what is not a known error, a stale version and an incident of another problem', async () => {
      const { services, knownError } = await setup(databaseId);
      const draft = await knownError({ title: 'Draft', publish: false });
      const pool = await knownError({ title: 'Pool', entityRef: ORDERS_DB });
      const other = await knownError({ title: 'Other', entityRef: PAYMENTS });
      const incident = await services.incidents.create(incidentInput(), ben);
      const confirm = (problemId: string, version = 1) =>
        services.incidentKnownErrors.confirm({
          incidentIdOrNumber: incident.id,
          input: { version, problemId },
          caller: ben,
        });
      await expect(confirm(draft.number)).rejects.toThrow(
        `problemId: ${draft.number} is not a known error in effect`,
      );
      await expect(confirm('PRB-000099')).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      await expect(confirm(pool.id, 7)).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await confirm(pool.id);
      await expect(confirm(other.id, 2)).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('already linked to another problem'),
      });
    });

    it('answers 403 without permission, changing nothing', async () => {
      const { services, permissions, knownError } = await setup(databaseId);
      const pool = await knownError({ title: 'Pool', entityRef: ORDERS_DB });
      const incident = await services.incidents.create(incidentInput(), ben);
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(request =>
          request.permission.name === 'itsm.problem.read'
            ? { result: AuthorizeResult.DENY }
            : { result: AuthorizeResult.ALLOW },
        ),
      );
      expect(
        await services.incidentKnownErrors.candidates(incident.id, ben),
      ).toEqual({ items: [] });
      await expect(
        services.incidentKnownErrors.confirm({
          incidentIdOrNumber: incident.id,
          input: { version: 1, problemId: pool.id },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
      );
      await expect(
        services.incidentKnownErrors.candidates(incident.id, ben),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      permissions.authorizeConditional.mockImplementation(async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      );
      expect(await services.incidents.get(incident.id, ben)).toMatchObject({
        problemId: null,
        version: 1,
      });
    });
  });
});
