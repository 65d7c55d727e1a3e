import { TestDatabases } from '@backstage/backend-test-utils';
import { countOutbox } from '../database/outbox';
import { userCaller } from '../__testUtils__/fixtures';
import { createNotificationHarness } from '../__testUtils__/notificationFixture';

jest.setTimeout(60_000);

const ben = userCaller('ben');
const alice = userCaller('alice');

function p1On(entity: string) {
  return {
    title: 'Payments time out',
    description: 'Card payments fail after 30 s',
    entityRef: `component:default/${entity}`,
    category: 'availability',
    impact: 1 as const,
    urgency: 1 as const,
  };
}

describe('notifications', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup(options = {}) {
      const knex = await databases.init(databaseId);
      return { knex, ...(await createNotificationHarness(knex, options)) };
    }

    it('tells the owners of a new P1 and, once each, the owners of its transitive dependents with the path', async () => {
      const h = await setup();
      const incident = await h.services.incidents.create(
        p1On('payments-api'),
        ben,
      );
      expect(h.notifications.send).not.toHaveBeenCalled();
      await h.dispatcher.drain();

      expect(h.sentPayloads()).toEqual([
        {
          to: ['group:default/payments-team'],
          topic: 'incident-opened',
          title: `P1 ${incident.number} opened on payments-api: Payments time out`,
        },
        {
          to: ['group:default/checkout-team'],
          topic: 'incident-dependents',
          title: `checkout-api is exposed to P1 ${incident.number} on payments-api`,
        },
        {
          to: ['group:default/web-team'],
          topic: 'incident-dependents',
          title: `web-shop is exposed to P1 ${incident.number} on payments-api`,
        },
      ]);
      const web = h.notifications.send.mock.calls[2][0];
      expect(web.payload).toMatchObject({
        severity: 'critical',
        link: `/itsm/incidents/${incident.number}`,
        scope: `itsm:incident:${incident.id}`,
      });
      expect(web.payload.description).toContain(
        'web-shop depends on checkout-api, checkout-api depends on payments-api',
      );
      expect(web.recipients).toMatchObject({
        excludeEntityRef: ['user:default/ben'],
      });
      expect(await countOutbox(h.knex)).toBe(0);
    });

    it('publishes signals on the record, entity and all-records channels after each commit', async () => {
      const h = await setup();
      const incident = await h.services.incidents.create(
        p1On('payments-api'),
        ben,
      );
      await h.dispatcher.drain();
      expect(h.signals.publish.mock.calls.map(([s]) => s.channel)).toEqual([
        `itsm:incident:${incident.id}`,
        'itsm:entity:component:default/payments-api',
        'itsm:records',
      ]);
      expect(h.signals.publish.mock.calls[0][0]).toEqual({
        recipients: { type: 'broadcast' },
        channel: `itsm:incident:${incident.id}`,
        message: {
          recordType: 'incident',
          id: incident.id,
          number: incident.number,
          entityRef: 'component:default/payments-api',
        },
      });
    });

    it('tells the dependents when an incident is escalated to P2, and nobody of a P3', async () => {
      const h = await setup();
      const incident = await h.services.incidents.create(
        { ...p1On('checkout-api'), impact: 2, urgency: 2 },
        ben,
      );
      await h.dispatcher.drain();
      expect(h.sentPayloads().map(s => s.topic)).toEqual(['incident-opened']);
      h.notifications.send.mockClear();
      await h.services.incidents.update({
        idOrNumber: incident.id,
        input: { version: 1, urgency: 1 },
        caller: ben,
      });
      await h.dispatcher.drain();
      expect(h.sentPayloads()).toEqual([
        {
          to: ['group:default/web-team'],
          topic: 'incident-dependents',
          title: `web-shop is exposed to P2 ${incident.number} on checkout-api`,
        },
      ]);
    });

    it('tells the assignee, the audience of a public update, and reporter and followers of the end; internal notes tell no one', async () => {
      const h = await setup();
      const incident = await h.services.incidents.create(
        { ...p1On('checkout-api'), impact: 3, urgency: 3 },
        ben,
      );
      await h.services.followers.entity({
        entityRef: 'component:default/checkout-api',
        action: 'follow',
        caller: userCaller('carol'),
      });
      await h.services.followers.record({
        recordType: 'incident',
        idOrNumber: incident.number,
        action: 'follow',
        caller: alice,
      });
      await h.dispatcher.drain();
      h.notifications.send.mockClear();

      let current = await h.services.incidents.update({
        idOrNumber: incident.id,
        input: { version: 1, assigneeRef: 'user:default/alice' },
        caller: ben,
      });
      await h.services.incidents.addNote({
        idOrNumber: incident.id,
        input: { visibility: 'internal', body: 'Looking at the pool' },
        caller: alice,
      });
      await h.services.incidents.addNote({
        idOrNumber: incident.id,
        input: { visibility: 'public', body: 'Mitigated, watching' },
        caller: alice,
      });
      current = await h.services.incidents.transition({
        idOrNumber: incident.id,
        input: {
          version: current.version,
          to: 'resolved',
          resolutionCode: 'workaround',
          resolutionNotes: 'Restarted the pool',
        },
        caller: alice,
      });
      await h.dispatcher.drain();

      expect(
        h.notifications.send.mock.calls.map(([sent]) => ({
          topic: sent.payload.topic,
          to: (sent.recipients as any).entityRef,
          exclude: (sent.recipients as any).excludeEntityRef,
        })),
      ).toEqual([
        {
          topic: 'incident-assigned',
          to: ['user:default/alice'],
          exclude: ['user:default/ben'],
        },
        {
          topic: 'incident-update',
          to: [
            'group:default/checkout-team',
            'user:default/ben',
            'user:default/alice',
            'user:default/carol',
          ],
          exclude: ['user:default/alice'],
        },
        {
          topic: 'incident-resolved',
          to: ['user:default/ben', 'user:default/alice', 'user:default/carol'],
          exclude: ['user:default/alice'],
        },
      ]);
      expect(h.notifications.send.mock.calls[1][0].payload.description).toBe(
        'Mitigated, watching',
      );
    });

    it('tells the owners of every affected entity of a known error and of a fix, and followers of the end', async () => {
      const h = await setup();
      const problem = await h.services.problems.create(
        {
          title: 'Pool exhaustion',
          statement: 'Connections run out at peak',
          entityRef: 'component:default/payments-api',
          affectedEntityRefs: ['component:default/web-shop'],
          category: 'availability',
          impact: 2,
          urgency: 2,
        },
        ben,
      );
      await h.services.followers.record({
        recordType: 'problem',
        idOrNumber: problem.number,
        action: 'follow',
        caller: userCaller('carol'),
      });
      const analysed = await h.services.problems.update({
        idOrNumber: problem.id,
        input: {
          version: 1,
          rootCause: 'Pool of 20',
          workaround: 'Restart pods',
        },
        caller: ben,
      });
      await h.dispatcher.drain();
      h.notifications.send.mockClear();
      await h.services.knownErrors.publish({
        idOrNumber: problem.id,
        input: { version: analysed.version },
        caller: ben,
      });
      await h.dispatcher.drain();
      expect(h.sentPayloads()).toEqual([
        {
          to: ['component:default/payments-api', 'component:default/web-shop'],
          topic: 'problem-known-error',
          title: `Known error P3 ${problem.number}: Pool exhaustion`,
        },
      ]);
    });

    it('tells the owner of an action item when it is added or reassigned', async () => {
      const h = await setup();
      const incident = await h.services.incidents.create(
        p1On('admin-api'),
        ben,
      );
      await h.dispatcher.drain();
      h.notifications.send.mockClear();
      const item = await h.services.actionItems.create(
        {
          parentType: 'incident',
          parentId: incident.id,
          title: 'Alert on pool usage',
          ownerRef: 'user:default/alice',
          kind: 'preventive',
        },
        ben,
      );
      await h.dispatcher.drain();
      await h.services.actionItems.update({
        id: item.id,
        input: { version: item.version, ownerRef: 'user:default/carol' },
        caller: ben,
      });
      await h.dispatcher.drain();
      expect(h.sentPayloads()).toEqual([
        {
          to: ['user:default/alice'],
          topic: 'action-item-assigned',
          title: `Action item for you on ${incident.number}: Alert on pool usage`,
        },
        {
          to: ['user:default/carol'],
          topic: 'action-item-assigned',
          title: `Action item for you on ${incident.number}: Alert on pool usage`,
        },
      ]);
      expect(h.notifications.send.mock.calls[0][0].payload.scope).toBe(
        `itsm:action-item:${item.id}`,
      );
    });

    it('sends only the configured kinds, and nothing when disabled', async () => {
      const only = await setup({ config: { kinds: ['incident-dependents'] } });
      await only.services.incidents.create(p1On('payments-api'), ben);
      await only.dispatcher.drain();
      // Without the opened notice, payments-team hears that its admin-api is exposed.
      expect(only.sentPayloads().map(s => s.to)).toEqual([
        ['group:default/payments-team'],
        ['group:default/checkout-team'],
        ['group:default/web-team'],
      ]);

      const off = await setup({ config: { enabled: false } });
      await off.services.incidents.create(p1On('payments-api'), ben);
      await off.dispatcher.drain();
      expect(off.notifications.send).not.toHaveBeenCalled();
      expect(off.signals.publish).toHaveBeenCalled();
    });

    it('never fails or undoes a change when sending fails, and retries only what was not sent', async () => {
      const h = await setup({ tuning: { retryBaseMs: 1000 } });
      h.notifications.send.mockImplementation(async sent => {
        if (sent.payload.topic === 'incident-dependents') {
          throw new Error('notifications backend unavailable');
        }
      });
      const incident = await h.services.incidents.create(
        p1On('payments-api'),
        ben,
      );
      await h.dispatcher.drain();
      expect(await h.services.incidents.get(incident.id, ben)).toMatchObject({
        number: incident.number,
      });
      expect(h.notifications.send).toHaveBeenCalledTimes(3);
      expect(h.logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('notifications backend unavailable'),
      );
      expect(await countOutbox(h.knex)).toBe(1);

      h.notifications.send.mockReset();
      h.notifications.send.mockResolvedValue(undefined);
      await h.dispatcher.drain();
      expect(h.notifications.send).not.toHaveBeenCalled();

      h.clock.now += 1000;
      await h.dispatcher.drain();
      expect(h.sentPayloads().map(s => s.topic)).toEqual([
        'incident-dependents',
        'incident-dependents',
      ]);
      expect(h.signals.publish).toHaveBeenCalledTimes(3);
      expect(await countOutbox(h.knex)).toBe(0);
    });

    it('gives up after the last attempt with an error log', async () => {
      const h = await setup({ tuning: { maxAttempts: 2, retryBaseMs: 1 } });
      h.notifications.send.mockRejectedValue(new Error('down'));
      await h.services.incidents.create(p1On('web-shop'), ben);
      await h.dispatcher.drain();
      h.clock.now += 10;
      await h.dispatcher.drain();
      expect(h.logger.error).toHaveBeenCalledWith(
        expect.stringContaining('Gave up sending'),
      );
      expect(await countOutbox(h.knex)).toBe(0);
    });

    it('leaves no outbox rows for a change that rolled back', async () => {
      const h = await setup();
      const incident = await h.services.incidents.create(p1On('web-shop'), ben);
      await h.dispatcher.drain();
      await expect(
        h.services.incidents.update({
          idOrNumber: incident.id,
          input: { version: 99, title: 'Stale' },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect(await countOutbox(h.knex)).toBe(0);
    });

    if (databaseId === 'POSTGRES_16') {
      it('shares the outbox between two dispatchers without sending twice', async () => {
        const h = await setup();
        for (let i = 0; i < 6; i++) {
          await h.services.incidents.create(p1On('payments-api'), ben);
        }
        await Promise.all([h.dispatcher.drain(), h.newDispatcher().drain()]);
        const keys = h.notifications.send.mock.calls.map(
          ([sent]) => `${sent.payload.scope} ${sent.payload.title}`,
        );
        expect(keys).toHaveLength(18);
        expect(new Set(keys).size).toBe(18);
      });
    }
  });
});
