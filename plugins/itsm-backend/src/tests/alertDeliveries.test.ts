import { TestDatabases } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import {
  alertmanagerWebhook,
  createAlertTestServices,
  eventsV2,
  firingAlert,
  serviceCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const alertmanager = serviceCaller();

describe('alert deliveries', () => {
  const databases = TestDatabases.create();

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    config: JsonObject = {},
  ) {
    return createAlertTestServices(await databases.init(databaseId), config);
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('accepts PagerDuty Events v2: trigger, acknowledge, resolve', async () => {
      const { services, incidentsOf, timelineOf } = await setup(databaseId, {
        autoResolve: true,
        severities: { warning: { impact: 3, urgency: 2 } },
      });
      const trigger = await services.alerts.ingestEventsV2(
        eventsV2(),
        alertmanager,
      );
      expect(trigger.dedupKey).toBe('payments-latency');
      await services.alerts.ingestEventsV2(eventsV2(), alertmanager);
      let [incident] = await incidentsOf('payments-latency');
      expect(incident).toMatchObject({
        source: 'events-v2',
        entityRef: 'component:default/payments-api',
        title: 'p99 latency of payments-api above 2 s',
        impact: 3,
        urgency: 2,
        priority: 4,
        occurrenceCount: 2,
      });
      expect(incident.description).toContain('"p99": "2.4s"');

      await services.alerts.ingestEventsV2(
        { event_action: 'acknowledge', dedup_key: 'payments-latency' },
        alertmanager,
      );
      [incident] = await incidentsOf('payments-latency');
      expect(incident.status).toBe('in_progress');
      expect(incident.acknowledgedAt).not.toBeNull();

      await services.alerts.ingestEventsV2(
        { event_action: 'resolve', dedup_key: 'payments-latency' },
        alertmanager,
      );
      [incident] = await incidentsOf('payments-latency');
      expect(incident.status).toBe('resolved');
      expect(
        (await timelineOf(incident.number)).map(e => [e.kind, e.newValue]),
      ).toEqual([
        ['created', null],
        ['alert_occurrence', '2'],
        ['alert_occurrence', 'acknowledged'],
        ['transition', 'in_progress'],
        ['alert_occurrence', 'resolved'],
        ['transition', 'resolved'],
      ]);

      const generated = await services.alerts.ingestEventsV2(
        eventsV2({ dedup_key: undefined }),
        alertmanager,
      );
      expect(generated.dedupKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(await incidentsOf(generated.dedupKey)).toHaveLength(1);
    });

    it('rejects payloads that can never succeed, naming the field, and keeps them for audit', async () => {
      const { services, knex } = await setup(databaseId);
      await expect(
        services.alerts.ingestAlertmanager({ version: '4' }, alertmanager),
      ).rejects.toThrow('Invalid body: alerts: is required');
      await expect(
        services.alerts.ingestAlertmanager(
          alertmanagerWebhook([{ status: 'pending', labels: {} }]),
          alertmanager,
        ),
      ).rejects.toThrow('alerts.0.status: must be one of firing, resolved');
      await expect(
        services.alerts.ingestEventsV2(
          { event_action: 'resolve' },
          alertmanager,
        ),
      ).rejects.toThrow('dedup_key: is required to resolve');
      await expect(
        services.alerts.ingestEventsV2(
          eventsV2({ payload: { summary: 'x', source: 'y' } }),
          alertmanager,
        ),
      ).rejects.toThrow('payload.severity: is required');
      const rows = await knex('itsm_alert_deliveries').orderBy('id');
      expect(rows.map(r => [r.source, r.outcome, r.alert_count])).toEqual([
        ['alertmanager', 'rejected', 0],
        ['alertmanager', 'rejected', 0],
        ['events-v2', 'rejected', 0],
        ['events-v2', 'rejected', 0],
      ]);
      expect(rows[0].error).toBe('Invalid body: alerts: is required');
      expect(JSON.parse(rows[0].payload)).toEqual({ version: '4' });
    });

    it('keeps every accepted delivery for audit and prunes those past retention', async () => {
      const { services, knex } = await setup(databaseId, {
        deliveryRetentionDays: 1,
      });
      const webhook = alertmanagerWebhook([firingAlert()]);
      await services.alerts.ingestAlertmanager(webhook, alertmanager);
      await services.alerts.ingestEventsV2(eventsV2(), alertmanager);
      const rows = await knex('itsm_alert_deliveries').orderBy('id');
      expect(rows.map(r => [r.source, r.outcome, r.actor_ref])).toEqual([
        ['alertmanager', 'accepted', 'service:external:alertmanager'],
        ['events-v2', 'accepted', 'service:external:alertmanager'],
      ]);
      expect(JSON.parse(rows[0].payload)).toEqual(webhook);
      expect(await services.alerts.pruneDeliveries()).toBe(0);
      await knex('itsm_alert_deliveries')
        .where({ id: rows[0].id })
        .update({ received_at: Date.parse('2026-10-01T00:00:00Z') });
      expect(await services.alerts.pruneDeliveries()).toBe(1);
      expect(
        Number((await knex('itsm_alert_deliveries').count('* as n'))[0].n),
      ).toBe(1);
    });
  });
});
