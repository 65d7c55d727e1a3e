import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_PRIORITY_MATRIX } from '@backstage-itsm/plugin-itsm-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { ProblemDetector } from '../services/detection/ProblemDetector';
import { readDetectionConfig } from '../services/detection/detectionConfig';
import { CHANGE_ENTITIES } from '../__testUtils__/changeCatalog';
import {
  createTestServices,
  incidentInput,
  serviceCaller,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const pipeline = serviceCaller('external:ci');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.parse('2026-11-20T12:00:00Z');
const AUTH = 'component:default/auth-service';
const CHECKOUT = 'component:default/checkout-api';

describe('change-followed detection rule', () => {
  const databases = TestDatabases.create();

  it('reads changeFollowed from itsm.detection with defaults', () => {
    const config = readDetectionConfig(
      mockServices.rootConfig({
        data: { itsm: { detection: { enabled: true, changeFollowed: {} } } },
      }),
    );
    expect(config.changeFollowed).toEqual({
      minIncidents: 2,
      intervalMs: 30 * MIN,
    });
    expect(() =>
      readDetectionConfig(
        mockServices.rootConfig({
          data: {
            itsm: { detection: { changeFollowed: { minIncidents: 0 } } },
          },
        }),
      ),
    ).toThrow('itsm.detection.changeFollowed.minIncidents');
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('proposes one problem naming the suspect changes, once', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const clock = { now: T0 };
      const { services } = createTestServices(knex, {
        now: () => clock.now,
        entities: CHANGE_ENTITIES,
      });
      const deploy = (minutes: number, version: string) =>
        services.changes.ingest(
          {
            entityRef: AUTH,
            summary: 'Deploy auth-service',
            version,
            timestamp: new Date(T0 - DAY + minutes * MIN).toISOString(),
          },
          pipeline,
        );
      const incident = (minutes: number) =>
        services.incidents.create(
          incidentInput({
            entityRef: CHECKOUT,
            detectedAt: new Date(T0 - DAY + minutes * MIN).toISOString(),
          }),
          ben,
        );
      await deploy(0, '2.4.0');
      const first = await incident(10);
      await deploy(300, '2.4.1');
      const second = await incident(320);
      await incident(600); // long after any change: not part of the group
      clock.now += 5 * MIN;
      await services.changeCorrelator.run();

      const detector = new ProblemDetector({
        db: knex,
        catalog: catalogServiceMock({ entities: CHANGE_ENTITIES }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        config: {
          enabled: true,
          frequency: { minutes: 5 },
          lookbackMs: 30 * DAY,
          changeFollowed: { minIncidents: 2, intervalMs: 30 * MIN },
          majorIncidents: false,
        },
        priorityMatrix: DEFAULT_PRIORITY_MATRIX,
        now: () => clock.now,
      });
      expect(await detector.run()).toEqual({
        proposed: 1,
        already_proposed: 0,
        incidents_taken: 0,
      });
      const [problem] = await knex('itsm_problems').where({
        source: 'detected',
      });
      expect(problem).toMatchObject({
        entity_ref: AUTH,
        owner_ref: 'group:default/platform-team',
        title: '2 incidents followed changes of auth-service within 30 minutes',
      });
      expect(problem.statement).toContain('Deploy auth-service (2.4.0)');
      expect(problem.statement).toContain('Deploy auth-service (2.4.1)');
      const linked = await knex('itsm_incidents')
        .where({ problem_id: problem.id })
        .orderBy('number');
      expect(linked.map(i => i.id)).toEqual([first.id, second.id]);

      // Unlinked again (say, rejected), the same group is not proposed twice.
      await knex('itsm_incidents')
        .where({ problem_id: problem.id })
        .update({ problem_id: null });
      expect((await detector.run()).proposed).toBe(0);
    });
  });
});
