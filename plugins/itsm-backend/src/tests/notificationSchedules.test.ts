import { TestDatabases } from '@backstage/backend-test-utils';
import { remindSilentIncidents } from '../services/notifications/remindSilentIncidents';
import { sendOverdueDigest } from '../services/notifications/sendOverdueDigest';
import { userCaller } from '../__testUtils__/fixtures';
import { createNotificationHarness } from '../__testUtils__/notificationFixture';

jest.setTimeout(60_000);

const ben = userCaller('ben');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('scheduled notices', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const h = await createNotificationHarness(knex);
      const remind = () =>
        remindSilentIncidents({
          db: knex,
          notifications: h.notifications,
          logger: h.logger,
          cadenceMs: 30 * MINUTE,
          now: h.clock.now,
        });
      return { knex, remind, ...h };
    }

    it('reminds the assignee of a silent P1 once per silence, again after a new silence', async () => {
      const h = await setup();
      const p1 = await h.services.incidents.create(
        {
          title: 'Payments down',
          description: 'All card payments fail',
          entityRef: 'component:default/payments-api',
          category: 'availability',
          impact: 1,
          urgency: 1,
          assigneeRef: 'user:default/alice',
        },
        ben,
      );
      await h.services.incidents.create(
        {
          title: 'Slow admin',
          description: 'Admin pages take 5 s',
          entityRef: 'component:default/admin-api',
          category: 'performance',
          impact: 2,
          urgency: 2,
        },
        ben,
      );
      h.clock.now += 29 * MINUTE;
      expect(await h.remind()).toBe(0);
      h.clock.now += 2 * MINUTE;
      expect(await h.remind()).toBe(1);
      expect(await h.remind()).toBe(0);
      expect(h.notifications.send).toHaveBeenCalledTimes(1);
      expect(h.notifications.send.mock.calls[0][0]).toMatchObject({
        recipients: { type: 'entity', entityRef: ['user:default/alice'] },
        payload: {
          topic: 'incident-cadence',
          severity: 'critical',
          title: `P1 ${p1.number} on payments-api has had no public update for 31 minutes`,
          scope: `itsm:incident:${p1.id}`,
        },
      });

      await h.services.incidents.addNote({
        idOrNumber: p1.id,
        input: { visibility: 'public', body: 'Failing over' },
        caller: ben,
      });
      h.clock.now += 20 * MINUTE;
      expect(await h.remind()).toBe(0);
      h.clock.now += 11 * MINUTE;
      expect(await h.remind()).toBe(1);
      expect(await h.remind()).toBe(0);
    });

    it('tries a reminder again on the next run when it could not be sent', async () => {
      const h = await setup();
      await h.services.incidents.create(
        {
          title: 'Payments down',
          description: 'All card payments fail',
          entityRef: 'component:default/payments-api',
          category: 'availability',
          impact: 1,
          urgency: 1,
        },
        ben,
      );
      h.clock.now += 31 * MINUTE;
      h.notifications.send.mockRejectedValueOnce(new Error('down'));
      expect(await h.remind()).toBe(0);
      expect(await h.remind()).toBe(1);
      expect(h.notifications.send.mock.calls[1][0].recipients).toMatchObject({
        entityRef: ['group:default/payments-team'],
      });
    });

    it('sends each owner one digest of their overdue action items', async () => {
      const h = await setup();
      const incident = await h.services.incidents.create(
        {
          title: 'Checkout errors',
          description: '502 at checkout',
          entityRef: 'component:default/checkout-api',
          category: 'availability',
          impact: 2,
          urgency: 2,
        },
        ben,
      );
      const items = [
        ['Add pool alert', 'user:default/alice', -3 * DAY],
        ['Raise pool size', 'user:default/alice', -1 * DAY],
        ['Write runbook', 'user:default/ben', -2 * DAY],
        ['Load test', 'user:default/ben', 2 * DAY],
      ] as const;
      for (const [title, ownerRef, due] of items) {
        await h.services.actionItems.create(
          {
            parentType: 'incident',
            parentId: incident.id,
            title,
            ownerRef,
            kind: 'corrective',
            dueAt: new Date(h.clock.now + due).toISOString(),
          },
          ben,
        );
      }
      h.clock.now += MINUTE;
      const sent = await sendOverdueDigest({
        db: h.knex,
        notifications: h.notifications,
        logger: h.logger,
        now: h.clock.now,
      });
      expect(sent).toBe(2);
      expect(
        h.notifications.send.mock.calls.map(([n]) => ({
          to: (n.recipients as any).entityRef,
          title: n.payload.title,
          description: n.payload.description,
          topic: n.payload.topic,
          severity: n.payload.severity,
        })),
      ).toEqual([
        {
          to: ['user:default/alice'],
          title: '2 overdue action items',
          description: `${incident.number}: Add pool alert (3 days overdue)\n${incident.number}: Raise pool size (1 day overdue)`,
          topic: 'action-items-overdue',
          severity: 'low',
        },
        {
          to: ['user:default/ben'],
          title: '1 overdue action item: Write runbook',
          description: `${incident.number}: Write runbook (2 days overdue)`,
          topic: 'action-items-overdue',
          severity: 'low',
        },
      ]);
    });
  });
});
