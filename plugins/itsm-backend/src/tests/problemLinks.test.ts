import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  linkIncidentBody,
  problemFromIncidentBody,
} from '@backstage-itsm/plugin-itsm-common';
import {
  createMigratedTestServices,
  incidentInput,
  userCaller,
} from '../__testUtils__/fixtures';
import { linkToProblem } from '../__testUtils__/recordSteps';

jest.setTimeout(120_000);

const ben = userCaller('ben');

describe('links between incidents and problems', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services, permissions } = await createMigratedTestServices(knex);
    const openProblem = (title: string) =>
      services.problems.create(
        {
          title,
          statement: 'Checkout loses database connections at peak',
          category: 'capacity',
          impact: 2,
          urgency: 2,
        },
        ben,
      );
    const kindsAndBodies = async (
      kind: 'incident' | 'problem',
      idOrNumber: string,
    ) => {
      const service =
        kind === 'incident' ? services.incidents : services.problems;
      const { items } = await service.timeline({
        idOrNumber,
        limit: 50,
        caller: ben,
      });
      return items
        .filter(e => e.kind === 'linked' || e.kind === 'unlinked')
        .map(e => [e.kind, e.body]);
    };
    return { services, permissions, openProblem, kindsAndBodies };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates a problem from an incident with its workaround, leaving the incident as it was by default', async () => {
      const { services } = await setup(databaseId);
      const created = await services.incidents.create(incidentInput(), ben);
      await services.incidents.update({
        idOrNumber: created.id,
        input: { version: 1, workaround: 'Restart the checkout-api pods' },
        caller: ben,
      });

      const problem = await services.problemsFromIncidents.create({
        incidentIdOrNumber: created.number,
        input: problemFromIncidentBody.parse({}),
        caller: ben,
      });

      expect(problem).toMatchObject({
        workaround: 'Restart the checkout-api pods',
        incidentCount: 1,
      });
      expect(await services.incidents.get(created.id, ben)).toMatchObject({
        status: 'new',
        holdReason: null,
        problemId: problem.id,
      });
    });

    it('names the problem that holds an incident, and moves it on request', async () => {
      const { services, openProblem, kindsAndBodies } = await setup(databaseId);
      const first = await openProblem('orders-db pool exhausted at peak');
      const second = await openProblem('PgBouncer limits too low');
      const incident = await services.incidents.create(incidentInput(), ben);
      await linkToProblem(services, first.id, incident.id, ben);

      await expect(
        linkToProblem(services, second.id, incident.number, ben),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message:
          'INC-000001 is linked to PRB-000001 “orders-db pool exhausted at peak”; move it here to link it to PRB-000002 instead',
      });

      const moved = await services.problemLinks.link({
        problemIdOrNumber: second.id,
        incidentIdOrNumber: incident.number,
        input: linkIncidentBody.parse({ move: true }),
        caller: ben,
      });
      expect(moved).toMatchObject({
        incidentCount: 1,
        affectedEntityRefs: ['component:default/checkout-api'],
      });
      expect(await services.problems.get(first.id, ben)).toMatchObject({
        incidentCount: 0,
        affectedEntityRefs: [],
      });
      expect(await services.incidents.get(incident.id, ben)).toMatchObject({
        problemId: second.id,
      });
      expect(await kindsAndBodies('problem', first.id)).toEqual([
        ['linked', 'INC-000001'],
        ['unlinked', 'INC-000001'],
      ]);
      expect(await kindsAndBodies('problem', second.id)).toEqual([
        ['linked', 'INC-000001'],
      ]);
      expect(await kindsAndBodies('incident', incident.id)).toEqual([
        ['linked', 'PRB-000001'],
        ['unlinked', 'PRB-000001'],
        ['linked', 'PRB-000002'],
      ]);
    });

    it('moves only what the caller may change, and names only what the caller may read', async () => {
      const { services, permissions, openProblem } = await setup(databaseId);
      const first = await openProblem('orders-db pool exhausted at peak');
      const second = await openProblem('PgBouncer limits too low');
      const incident = await services.incidents.create(incidentInput(), ben);
      await linkToProblem(services, first.id, incident.id, ben);
      // The first decision is on the problem linked to, the second on the one holding the incident.
      const allowThenDeny = () =>
        permissions.authorizeConditional
          .mockResolvedValueOnce([{ result: AuthorizeResult.ALLOW }])
          .mockResolvedValueOnce([{ result: AuthorizeResult.DENY }]);

      allowThenDeny();
      await expect(
        linkToProblem(services, second.id, incident.id, ben),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message:
          'INC-000001 is linked to another problem, which you may not read; its owners can unlink it',
      });

      allowThenDeny();
      await expect(
        services.problemLinks.link({
          problemIdOrNumber: second.id,
          incidentIdOrNumber: incident.id,
          input: linkIncidentBody.parse({ move: true }),
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(await services.incidents.get(incident.id, ben)).toMatchObject({
        problemId: first.id,
      });
    });
  });
});
