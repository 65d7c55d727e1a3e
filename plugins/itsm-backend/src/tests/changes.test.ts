import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { applyDatabaseMigrations } from '../database/migrations';
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
const CHECKOUT = 'component:default/checkout-api';
const AUTH = 'component:default/auth-service';
const USERS_DB = 'resource:default/users-db';
const MINUTE = 60_000;
const T0 = Date.parse('2026-11-01T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();

describe('change events', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup(config: object = {}) {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const clock = { now: T0 + 24 * 60 * MINUTE };
      const { services, permissions } = createTestServices(knex, {
        now: () => clock.now,
        entities: CHANGE_ENTITIES,
        config: { itsm: config },
      });
      const deploy = (entityRef: string, minutes: number, extra = {}) =>
        services.changes.ingest(
          {
            entityRef,
            summary: `Deploy ${entityRef}`,
            version: `v${minutes}`,
            timestamp: at(minutes),
            ...extra,
          },
          pipeline,
        );
      const incident = (entityRef: string, minutes: number) =>
        services.incidents.create(
          incidentInput({ entityRef, detectedAt: at(minutes) }),
          ben,
        );
      return { knex, services, permissions, clock, deploy, incident };
    }

    it('routes a native change by entityRef and answers the same id on a retry', async () => {
      const { services, deploy } = await setup();
      const first = await deploy(AUTH, 0, { dedupKey: 'run-42' });
      expect(first).toEqual({
        id: expect.any(String),
        entityRef: AUTH,
        duplicate: false,
      });
      const again = await deploy(AUTH, 0, { dedupKey: 'run-42' });
      expect(again).toEqual({ ...first, duplicate: true });
      const page = await services.changeReads.list({
        filter: { entityRef: AUTH },
        limit: 10,
        caller: ben,
      });
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        source: 'native',
        dedupKey: 'run-42',
        kind: 'deploy',
        version: 'v0',
        ownerRef: 'group:default/platform-team',
        occurredAt: at(0),
        labels: { itsm_entity: AUTH },
      });
    });

    it('treats an exact resend without a key as the same change', async () => {
      const { deploy } = await setup();
      const first = await deploy(AUTH, 0);
      expect(await deploy(AUTH, 0)).toEqual({ ...first, duplicate: true });
      expect((await deploy(AUTH, 1)).duplicate).toBe(false);
    });

    it('routes by label and selector like alerts, and keeps unroutable changes', async () => {
      const { services } = await setup();
      const byService = await services.changes.ingest(
        {
          summary: 'Flip flag',
          kind: 'feature_flag',
          labels: { service: 'checkout-api' },
        },
        pipeline,
      );
      expect(byService.entityRef).toBe(CHECKOUT);
      const bySelector = await services.changes.ingest(
        {
          summary: 'Config push',
          kind: 'config',
          labels: { team: 'payments', env: 'prod' },
        },
        pipeline,
      );
      expect(bySelector.entityRef).toBe('component:default/payments-api');
      const lost = await services.changes.ingest(
        {
          summary: 'Deploy of something',
          entityRef: 'component:default/nowhere',
        },
        pipeline,
      );
      expect(lost.entityRef).toBeNull();
      const unrouted = await services.changeReads.list({
        filter: { unrouted: true },
        limit: 10,
        caller: ben,
      });
      expect(unrouted.items.map(c => c.id)).toEqual([lost.id]);
    });

    it('takes PagerDuty change events, routed by source and custom details', async () => {
      const { services } = await setup();
      const event = {
        routing_key: 'ignored',
        payload: {
          summary: 'Build 512 deployed auth-service',
          timestamp: at(5),
          source: 'auth-service',
          custom_details: {
            service: 'auth-service',
            version: '512',
            author: 'ci-bot',
            kind: 'deploy',
          },
        },
        links: [{ href: 'https://ci.example.com/runs/512', text: 'Run 512' }],
      };
      const result = await services.changes.ingestPagerDuty(event, pipeline);
      expect(result.entityRef).toBe(AUTH);
      expect(
        await services.changes.ingestPagerDuty(
          { ...event, routing_key: 'another' },
          pipeline,
        ),
      ).toEqual({ ...result, duplicate: true });
      const [change] = (
        await services.changeReads.list({ filter: {}, limit: 5, caller: ben })
      ).items;
      expect(change).toMatchObject({
        source: 'pagerduty',
        version: '512',
        author: 'ci-bot',
        occurredAt: at(5),
        links: [{ href: 'https://ci.example.com/runs/512', text: 'Run 512' }],
      });
    });

    it('refuses what can never succeed with a 400 naming the field', async () => {
      const { services } = await setup();
      await expect(
        services.changes.ingest({ entityRef: AUTH }, pipeline),
      ).rejects.toThrow('summary: is required');
      await expect(
        services.changes.ingest({ summary: 'x', kind: 'reboot' }, pipeline),
      ).rejects.toThrow(/kind: must be one of/);
      await expect(
        services.changes.ingest(
          { summary: 'x', timestamp: 'yesterday' },
          pipeline,
        ),
      ).rejects.toThrow('timestamp: must be an ISO 8601 time');
      await expect(
        services.changes.ingest(
          { summary: 'x', links: [{ href: 'not a url' }] },
          pipeline,
        ),
      ).rejects.toThrow('links.0.href: must be a URL');
      await expect(
        services.changes.ingestPagerDuty({ links: [] }, pipeline),
      ).rejects.toThrow('payload: is required');
      await expect(
        services.changes.ingestPagerDuty('deploy', pipeline),
      ).rejects.toThrow('Invalid body');
    });

    it('asks for itsm.change.ingest before storing anything', async () => {
      const { services, permissions } = await setup();
      permissions.authorize.mockResolvedValueOnce([
        { result: AuthorizeResult.DENY },
      ]);
      await expect(
        services.changes.ingest(
          { summary: 'Deploy', entityRef: AUTH },
          pipeline,
        ),
      ).rejects.toThrow('You are not allowed to itsm.change.ingest');
      expect(
        (await services.changeReads.list({ filter: {}, limit: 5, caller: ben }))
          .items,
      ).toEqual([]);
    });

    it('lists the changes before an incident on its entity and dependencies, newest first, with paths', async () => {
      const { services, deploy, incident } = await setup();
      await deploy(USERS_DB, -2000); // before the 24 h window
      const dbMigration = await deploy(USERS_DB, -120, { kind: 'migration' });
      const authDeploy = await deploy(AUTH, -10);
      const ownDeploy = await deploy(CHECKOUT, -30);
      await deploy('component:default/payments-api', -5); // not a dependency
      await deploy(AUTH, 5); // after detection
      const opened = await incident(CHECKOUT, 0);
      const changes = await services.changeReads.ofIncident(opened.number, ben);
      expect(changes.windowMs).toBe(24 * 60 * MINUTE);
      expect(
        changes.items.map(item => [
          item.change.id,
          item.via,
          item.path,
          item.beforeDetectionMs,
        ]),
      ).toEqual([
        [authDeploy.id, 'dependency', [CHECKOUT, AUTH], 10 * MINUTE],
        [ownDeploy.id, 'entity', [CHECKOUT], 30 * MINUTE],
        [
          dbMigration.id,
          'dependency',
          [CHECKOUT, AUTH, USERS_DB],
          120 * MINUTE,
        ],
      ]);
    });

    it('follows only itsm.dependencyDepth levels and the configured window', async () => {
      const { services, deploy, incident } = await setup({
        dependencyDepth: 1,
        changes: { incidentWindowHours: 1 },
      });
      await deploy(USERS_DB, -10);
      await deploy(AUTH, -90);
      const near = await deploy(AUTH, -20);
      const opened = await incident(CHECKOUT, 0);
      const changes = await services.changeReads.ofIncident(opened.id, ben);
      expect(changes.items.map(i => i.change.id)).toEqual([near.id]);
    });

    it('says which changes preceded a problem\u2019s incidents and how often', async () => {
      const { services, clock, deploy, incident } = await setup();
      const incidents = [];
      for (const start of [0, 100, 200, 300]) {
        if (start !== 300) {
          await deploy(AUTH, start - 10);
        }
        await deploy(CHECKOUT, start - 45); // outside the 30 min follow window
        incidents.push(await incident(CHECKOUT, start));
      }
      clock.now += 10 * MINUTE;
      expect(await services.changeCorrelator.run()).toBe(4);
      expect(await services.changeCorrelator.run()).toBe(0);
      const problem = await services.problems.create(
        {
          title: 'Checkout fails after auth deploys',
          statement: 'Logins fail',
          category: 'availability',
          impact: 2,
          urgency: 2,
          entityRef: CHECKOUT,
        },
        ben,
      );
      for (const linked of incidents) {
        await services.problemLinks.link({
          problemIdOrNumber: problem.number,
          incidentIdOrNumber: linked.number,
          input: { holdIncident: false },
          caller: ben,
        });
      }
      const summary = await services.changeReads.ofProblem(problem.number, ben);
      expect(summary.totalIncidents).toBe(4);
      expect(
        summary.suspects.map(s => [s.entityRef, s.kind, s.followedIncidents]),
      ).toEqual([[AUTH, 'deploy', 3]]);
      expect(summary.suspects[0].changes.map(c => c.incidentNumber)).toEqual([
        incidents[2].number,
        incidents[1].number,
        incidents[0].number,
      ]);
      expect(summary.suspects[0].changes[0].path).toEqual([CHECKOUT, AUTH]);
    });

    it('prunes changes past their retention with their correlation rows', async () => {
      const { knex, services, clock, deploy, incident } = await setup({
        changes: { retentionDays: 1 },
      });
      await deploy(AUTH, -10);
      await incident(CHECKOUT, 0);
      clock.now += 10 * MINUTE;
      await services.changeCorrelator.run();
      expect(await knex('itsm_change_incidents')).toHaveLength(1);
      clock.now += 2 * 24 * 60 * MINUTE;
      expect(await services.changes.prune()).toBe(1);
      expect(await knex('itsm_change_incidents')).toHaveLength(0);
    });
  });
});

describe('DORA figures', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    // Monday 2026-11-02T00:00Z starts week A; week B follows.
    const WEEK_A = Date.parse('2026-11-02T00:00:00Z');
    const WEEK = 7 * 24 * 60 * MINUTE;

    it('counts deploys, failed deploys and time to restore per week, as computed by hand', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const clock = { now: WEEK_A + 3 * WEEK };
      const { services } = createTestServices(knex, {
        now: () => clock.now,
        entities: CHANGE_ENTITIES,
      });
      const deploy = (entityRef: string, ms: number, kind = 'deploy') =>
        services.changes.ingest(
          {
            entityRef,
            kind,
            summary: `Deploy ${entityRef}`,
            timestamp: new Date(ms).toISOString(),
          },
          pipeline,
        );
      // Week A: auth deploys at +1 h and +2 d, checkout at +3 d, a config push.
      await deploy(AUTH, WEEK_A + 60 * MINUTE);
      await deploy(AUTH, WEEK_A + 2 * 24 * 60 * MINUTE);
      await deploy(CHECKOUT, WEEK_A + 3 * 24 * 60 * MINUTE);
      await deploy(AUTH, WEEK_A + 90 * MINUTE, 'config');
      // Week B: one auth deploy, and an unrouted one that counts nowhere.
      await deploy(AUTH, WEEK_A + WEEK + 60 * MINUTE);
      await services.changes.ingest(
        { summary: 'Deploy of an unknown service' },
        pipeline,
      );
      // The first auth deploy fails by the checkout-api incident 20 min
      // later, as checkout depends on auth; week B's, 2 h before its
      // incident, does not.
      const failing = await services.incidents.create(
        incidentInput({
          entityRef: CHECKOUT,
          detectedAt: new Date(WEEK_A + 80 * MINUTE).toISOString(),
        }),
        ben,
      );
      await services.incidents.create(
        incidentInput({
          entityRef: CHECKOUT,
          detectedAt: new Date(WEEK_A + WEEK + 180 * MINUTE).toISOString(),
        }),
        ben,
      );
      clock.now += 10 * MINUTE;
      expect(await services.changeCorrelator.run()).toBe(2);

      const figures = await services.dora.figures({
        scope: { entityRef: AUTH },
        from: WEEK_A,
        to: WEEK_A + 2 * WEEK,
        caller: ben,
      });
      expect(figures).toMatchObject({
        deploys: 3,
        deploysPerWeek: 1.5,
        failedDeploys: 1,
        changeFailureRate: 1 / 3,
        failureWindowMs: 60 * MINUTE,
      });
      expect(
        figures.weekly.map(w => [w.weekStart, w.deploys, w.failedDeploys]),
      ).toEqual([
        ['2026-11-02T00:00:00.000Z', 2, 1],
        ['2026-11-09T00:00:00.000Z', 1, 0],
      ]);

      const organisation = await services.dora.figures({
        scope: {},
        from: WEEK_A,
        to: WEEK_A + 2 * WEEK,
        caller: ben,
      });
      expect(organisation).toMatchObject({ deploys: 4, failedDeploys: 1 });
      // Recomputed from the raw rows.
      const raw = await knex('itsm_changes')
        .where('kind', 'deploy')
        .whereNotNull('entity_ref');
      expect(raw).toHaveLength(4);
      expect(raw.filter(r => r.failed_at !== null)).toHaveLength(1);

      // Time to restore: resolve the failing incident 45 min after detection.
      clock.now = WEEK_A + 80 * MINUTE + 45 * MINUTE;
      await services.incidents.transition({
        idOrNumber: failing.number,
        input: {
          to: 'resolved',
          version: failing.version,
          resolutionCode: 'workaround',
          resolutionNotes: 'Rolled back auth-service',
        },
        caller: ben,
      });
      const checkout = await services.dora.figures({
        scope: { entityRef: CHECKOUT },
        // Time to restore counts by creation: the incidents were logged later.
        from: WEEK_A - WEEK,
        to: WEEK_A + 4 * WEEK,
        caller: ben,
      });
      expect(checkout).toMatchObject({
        deploys: 1,
        failedDeploys: 0,
        resolvedIncidents: 1,
        timeToRestoreMeanMs: 45 * MINUTE,
      });
    });
  });
});
