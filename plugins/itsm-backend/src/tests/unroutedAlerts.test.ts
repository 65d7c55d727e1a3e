import { TestDatabases } from '@backstage/backend-test-utils';
import {
  alertmanagerWebhook,
  createAlertTestServices,
  eventsV2,
  firingAlert,
  serviceCaller,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const alertmanager = serviceCaller();
const ben = userCaller('ben');

describe('the unrouted alert inbox', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    return createAlertTestServices(await databases.init(databaseId));
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps alerts that match no entity in the inbox until someone assigns them', async () => {
      const { services, incidentsOf, timelineOf } = await setup(databaseId);
      const stray = firingAlert({
        fingerprint: 'stray',
        labels: { alertname: 'NodeDown', instance: 'node-7', severity: 'info' },
      });
      const first = await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([stray]),
        alertmanager,
      );
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([stray]),
        alertmanager,
      );
      expect(first.unrouted).toBe(1);
      expect(await incidentsOf('stray')).toEqual([]);
      const inbox = await services.unroutedAlerts.list(
        { status: 'pending', limit: 10 },
        ben,
      );
      expect(inbox.items).toMatchObject([
        {
          source: 'alertmanager',
          dedupKey: 'stray',
          title: 'NodeDown: 5% of checkout requests fail',
          severity: 'info',
          impact: 3,
          urgency: 3,
          labels: { alertname: 'NodeDown', instance: 'node-7' },
          status: 'pending',
          occurrenceCount: 2,
          endedAt: null,
          incidentId: null,
          reporterRef: 'service:external:alertmanager',
        },
      ]);

      const { alert, incident } = await services.unroutedAlerts.assign({
        id: inbox.items[0].id,
        input: { entityRef: 'component:default/payments-api' },
        caller: ben,
      });
      expect(alert).toMatchObject({
        status: 'assigned',
        incidentId: incident.id,
        assignedBy: 'user:default/ben',
      });
      expect(incident).toMatchObject({
        entityRef: 'component:default/payments-api',
        source: 'alertmanager',
        dedupKey: 'stray',
        occurrenceCount: 2,
        priority: 5,
        reporterRef: 'service:external:alertmanager',
      });
      expect(
        (await timelineOf(incident.number)).map(e => [e.kind, e.actorRef]),
      ).toEqual([
        ['created', 'service:external:alertmanager'],
        ['alert_occurrence', 'user:default/ben'],
      ]);
      await expect(
        services.unroutedAlerts.assign({
          id: inbox.items[0].id,
          input: { entityRef: 'component:default/payments-api' },
          caller: ben,
        }),
      ).rejects.toThrow('The alert was assigned already');

      // The incident now deduplicates the alert.
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([stray]),
        alertmanager,
      );
      expect(await incidentsOf('stray')).toMatchObject([
        { occurrenceCount: 3 },
      ]);
      expect(
        (
          await services.unroutedAlerts.list(
            { status: 'pending', limit: 10 },
            ben,
          )
        ).items,
      ).toEqual([]);
    });

    it('records the end of an unrouted alert and answers 404 for unknown ids', async () => {
      const { services } = await setup(databaseId);
      const stray = firingAlert({ fingerprint: 'stray', labels: { a: 'b' } });
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([stray, { ...stray, fingerprint: 'other' }]),
        alertmanager,
      );
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([
          { ...stray, status: 'resolved', endsAt: '2026-11-01T11:00:00Z' },
        ]),
        alertmanager,
      );
      const inbox = await services.unroutedAlerts.list({ limit: 1 }, ben);
      expect(inbox.items).toHaveLength(1);
      expect(inbox.nextCursor).not.toBeNull();
      const all = await services.unroutedAlerts.list({ limit: 10 }, ben);
      expect(all.items.map(a => [a.dedupKey, a.endedAt]).sort()).toEqual([
        ['other', null],
        ['stray', '2026-11-01T11:00:00.000Z'],
      ]);
      await expect(
        services.unroutedAlerts.assign({
          id: '00000000-0000-4000-8000-000000000000',
          input: { entityRef: 'component:default/checkout-api' },
          caller: ben,
        }),
      ).rejects.toThrow(
        "No unrouted alert '00000000-0000-4000-8000-000000000000'",
      );
      await expect(
        services.unroutedAlerts.assign({
          id: all.items[0].id,
          input: { entityRef: 'component:default/ghost' },
          caller: ben,
        }),
      ).rejects.toThrow(
        "entityRef: entity 'component:default/ghost' does not exist",
      );
    });

    it('dates the incident of an assigned alert from when the alert started, as routed alerts are', async () => {
      const { services } = await setup(databaseId);
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([
          firingAlert({
            fingerprint: 'stray',
            labels: { alertname: 'NodeDown' },
            startsAt: '2026-11-01T09:20:00Z',
          }),
          firingAlert({
            fingerprint: 'undated',
            labels: { alertname: 'DiskFull' },
            startsAt: '0001-01-01T00:00:00Z',
          }),
        ]),
        alertmanager,
      );
      await services.alerts.ingestEventsV2(
        eventsV2({
          dedup_key: 'paged',
          payload: {
            summary: 'Queue backlog',
            source: 'prometheus',
            severity: 'error',
            component: 'no-such-service',
            timestamp: '2026-11-01T08:45:00Z',
          },
        }),
        alertmanager,
      );
      const inbox = (
        await services.unroutedAlerts.list(
          { status: 'pending', limit: 10 },
          ben,
        )
      ).items;
      const detected: Record<string, [string | null, string]> = {};
      for (const alert of inbox) {
        const { incident } = await services.unroutedAlerts.assign({
          id: alert.id,
          input: { entityRef: 'component:default/checkout-api' },
          caller: ben,
        });
        expect(incident.createdAt > alert.firstSeenAt).toBe(true);
        detected[alert.dedupKey] = [alert.startedAt, incident.detectedAt];
      }
      const undated = inbox.find(a => a.dedupKey === 'undated')!;
      expect(detected).toEqual({
        stray: ['2026-11-01T09:20:00.000Z', '2026-11-01T09:20:00.000Z'],
        paged: ['2026-11-01T08:45:00.000Z', '2026-11-01T08:45:00.000Z'],
        undated: [null, undated.firstSeenAt],
      });
    });
  });
});
