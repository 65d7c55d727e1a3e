import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  alertmanagerWebhook,
  createAlertTestServices,
  firingAlert,
  serviceCaller,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const alertmanager = serviceCaller();
const ben = userCaller('ben');

/**
 * Dismissing keeps the alert, with the reason, who and when, out of the
 * pending inbox. While it keeps firing, its deliveries count on the dismissed
 * entry; once it has ended, a new firing is a new occurrence and waits in the
 * inbox again.
 */
describe('dismissing unrouted alerts', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const context = await createAlertTestServices(
      await databases.init(databaseId),
    );
    const { services } = context;
    const stray = firingAlert({
      fingerprint: 'stray',
      labels: { alertname: 'NodeDown', instance: 'node-7' },
    });
    const deliver = (alert: object) =>
      services.alerts.ingestAlertmanager(
        alertmanagerWebhook([alert]),
        alertmanager,
      );
    const inbox = async (status?: 'pending' | 'assigned' | 'dismissed') =>
      (await services.unroutedAlerts.list({ status, limit: 10 }, ben)).items;
    const pendingCount = async () =>
      (await services.unroutedAlerts.count({ status: 'pending' }, ben)).count;
    await deliver(stray);
    await deliver({ ...stray, fingerprint: 'other' });
    const [alert] = (await inbox('pending')).filter(
      a => a.dedupKey === 'stray',
    );
    return { ...context, stray, deliver, inbox, pendingCount, alert };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps a dismissed alert with its reason, who and when, out of the pending inbox', async () => {
      const { services, inbox, pendingCount, alert } = await setup(databaseId);
      expect(await pendingCount()).toBe(2);

      const dismissed = await services.unroutedAlerts.dismiss({
        id: alert.id,
        input: { reason: 'Lab node, not production' },
        caller: ben,
      });

      expect(dismissed).toMatchObject({
        id: alert.id,
        status: 'dismissed',
        dismissReason: 'Lab node, not production',
        dismissedBy: 'user:default/ben',
        dismissedAt: expect.stringMatching(/^2026-11-01T/),
        incidentId: null,
      });
      expect((await inbox('pending')).map(a => a.dedupKey)).toEqual(['other']);
      expect(await inbox('dismissed')).toEqual([dismissed]);
      expect(await pendingCount()).toBe(1);
      expect(
        (await services.unroutedAlerts.count({ status: 'dismissed' }, ben))
          .count,
      ).toBe(1);
      expect((await services.unroutedAlerts.count({}, ben)).count).toBe(2);
    });

    it('refuses to dismiss twice, to dismiss an assigned alert and to assign a dismissed one', async () => {
      const { services, inbox, alert } = await setup(databaseId);
      await services.unroutedAlerts.dismiss({
        id: alert.id,
        input: { reason: 'Noise' },
        caller: ben,
      });
      await expect(
        services.unroutedAlerts.dismiss({
          id: alert.id,
          input: { reason: 'Noise again' },
          caller: ben,
        }),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: 'The alert was dismissed already; reload the inbox',
      });
      await expect(
        services.unroutedAlerts.assign({
          id: alert.id,
          input: { entityRef: 'component:default/checkout-api' },
          caller: ben,
        }),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: 'The alert was dismissed already; reload the inbox',
      });

      const [other] = await inbox('pending');
      await services.unroutedAlerts.assign({
        id: other.id,
        input: { entityRef: 'component:default/checkout-api' },
        caller: ben,
      });
      await expect(
        services.unroutedAlerts.dismiss({
          id: other.id,
          input: { reason: 'Noise' },
          caller: ben,
        }),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: 'The alert was assigned already; reload the inbox',
      });
      await expect(
        services.unroutedAlerts.dismiss({
          id: '00000000-0000-4000-8000-000000000000',
          input: { reason: 'Noise' },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('counts deliveries of a dismissed alert while it fires, and opens a new entry once it has ended', async () => {
      const { services, deliver, inbox, stray, alert, incidentsOf } =
        await setup(databaseId);
      await services.unroutedAlerts.dismiss({
        id: alert.id,
        input: { reason: 'Known flapping node' },
        caller: ben,
      });

      await deliver(stray);
      const [stillDismissed] = await inbox('dismissed');
      expect(stillDismissed).toMatchObject({
        id: alert.id,
        occurrenceCount: 2,
        endedAt: null,
      });
      expect((await inbox('pending')).map(a => a.dedupKey)).toEqual(['other']);

      await deliver({
        ...stray,
        status: 'resolved',
        endsAt: '2026-11-01T11:00:00Z',
      });
      expect((await inbox('dismissed'))[0]).toMatchObject({
        id: alert.id,
        endedAt: '2026-11-01T11:00:00.000Z',
      });
      await deliver({ ...stray, startsAt: '2026-11-01T12:00:00Z' });

      const pending = await inbox('pending');
      const again = pending.find(a => a.dedupKey === 'stray')!;
      expect(again).toMatchObject({
        status: 'pending',
        occurrenceCount: 1,
        startedAt: '2026-11-01T12:00:00.000Z',
      });
      expect(again.id).not.toBe(alert.id);
      expect(await inbox('dismissed')).toMatchObject([
        { id: alert.id, occurrenceCount: 2 },
      ]);
      expect(await incidentsOf('stray')).toEqual([]);
    });

    it('lets a new occurrence in at once when the dismissed alert had already ended', async () => {
      const { services, deliver, inbox, stray, alert } = await setup(
        databaseId,
      );
      await deliver({ ...stray, status: 'resolved' });
      await services.unroutedAlerts.dismiss({
        id: alert.id,
        input: { reason: 'Over' },
        caller: ben,
      });
      await deliver(stray);
      expect(
        (await inbox()).map(a => [a.dedupKey, a.status, a.occurrenceCount]),
      ).toEqual([
        ['stray', 'pending', 1],
        ['other', 'pending', 1],
        ['stray', 'dismissed', 1],
      ]);
    });

    it('needs the permission to open incidents', async () => {
      const { services, permissions, alert } = await setup(databaseId);
      permissions.authorize.mockImplementation(async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
      );
      await expect(
        services.unroutedAlerts.dismiss({
          id: alert.id,
          input: { reason: 'Noise' },
          caller: ben,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        services.unroutedAlerts.count({ status: 'pending' }, ben),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    });
  });
});
