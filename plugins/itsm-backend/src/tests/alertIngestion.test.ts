import { TestDatabases } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import knexFactory from 'knex';
import {
  alertmanagerWebhook,
  createAlertTestServices,
  createTestServices,
  firingAlert,
  serviceCaller,
  userCaller,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const alertmanager = serviceCaller();
const ben = userCaller('ben');

describe('alert ingestion', () => {
  const databases = TestDatabases.create();

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    config: JsonObject = {},
  ) {
    return createAlertTestServices(await databases.init(databaseId), config);
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('opens one incident per fingerprint, routed by label, with mapped severity', async () => {
      const { services, incidentsOf, timelineOf } = await setup(databaseId);
      const result = await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert()]),
        alertmanager,
      );
      expect(result).toEqual({
        opened: 1,
        repeated: 0,
        acknowledged: 0,
        resolved: 0,
        unrouted: 0,
        ignored: 0,
      });
      const [incident] = await incidentsOf('a1b2c3d4e5f60718');
      expect(incident).toMatchObject({
        number: 'INC-000001',
        title: 'HighErrorRate: 5% of checkout requests fail',
        entityRef: 'component:default/checkout-api',
        ownerRef: 'group:default/checkout-team',
        category: 'availability',
        impact: 1,
        urgency: 1,
        priority: 1,
        major: true,
        status: 'new',
        source: 'alertmanager',
        reporterRef: 'service:external:alertmanager',
        occurrenceCount: 1,
        detectedAt: '2026-11-01T09:58:00.000Z',
      });
      expect(incident.description).toContain(
        'Labels: alertname=HighErrorRate, service=checkout-api, severity=critical',
      );
      expect((await timelineOf(incident.number)).map(e => e.kind)).toEqual([
        'created',
      ]);
    });

    it('counts repeats as occurrences with a timeline event, not a new version', async () => {
      const { services, incidentsOf, timelineOf } = await setup(databaseId);
      const webhook = alertmanagerWebhook([firingAlert()]);
      await services.alerts.ingestAlertmanager(webhook, alertmanager);
      const second = await services.alerts.ingestAlertmanager(
        webhook,
        alertmanager,
      );
      await services.alerts.ingestAlertmanager(webhook, alertmanager);
      expect(second.repeated).toBe(1);
      const incidents = await incidentsOf('a1b2c3d4e5f60718');
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({ occurrenceCount: 3, version: 1 });
      const timeline = await timelineOf(incidents[0].number);
      expect(timeline.map(e => [e.kind, e.oldValue, e.newValue])).toEqual([
        ['created', null, null],
        ['alert_occurrence', '1', '2'],
        ['alert_occurrence', '2', '3'],
      ]);
    });

    it('records the end of the alert and keeps the incident open by default', async () => {
      const { services, incidentsOf, timelineOf } = await setup(databaseId);
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert()]),
        alertmanager,
      );
      const result = await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([
          firingAlert({ status: 'resolved', endsAt: '2026-11-01T10:30:00Z' }),
        ]),
        alertmanager,
      );
      expect(result.resolved).toBe(1);
      const [incident] = await incidentsOf('a1b2c3d4e5f60718');
      expect(incident.status).toBe('new');
      expect((await timelineOf(incident.number)).pop()).toMatchObject({
        kind: 'alert_occurrence',
        field: 'alert',
        newValue: 'resolved',
        body: 'Alert resolved at 2026-11-01T10:30:00.000Z',
      });
      // Firing again while the incident is open: the same incident.
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert()]),
        alertmanager,
      );
      expect(await incidentsOf('a1b2c3d4e5f60718')).toMatchObject([
        { number: incident.number, occurrenceCount: 2 },
      ]);
    });

    it('resolves the incident when configured, and opens a new one when the alert fires again', async () => {
      const { services, incidentsOf, timelineOf } = await setup(databaseId, {
        autoResolve: true,
      });
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert()]),
        alertmanager,
      );
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert({ status: 'resolved' })]),
        alertmanager,
      );
      const [resolved] = await incidentsOf('a1b2c3d4e5f60718');
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolutionCode: 'resolved_by_caller',
        version: 2,
      });
      expect(resolved.resolvedAt).not.toBeNull();
      expect(
        (await timelineOf(resolved.number)).map(e => [e.kind, e.newValue]),
      ).toEqual([
        ['created', null],
        ['alert_occurrence', 'resolved'],
        ['transition', 'resolved'],
      ]);
      // A second resolve has nothing open to act on.
      const again = await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert({ status: 'resolved' })]),
        alertmanager,
      );
      expect(again.ignored).toBe(1);

      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert()]),
        alertmanager,
      );
      const incidents = await incidentsOf('a1b2c3d4e5f60718');
      expect(incidents.map(i => [i.number, i.status])).toEqual([
        ['INC-000002', 'new'],
        ['INC-000001', 'resolved'],
      ]);
    });

    it('opens a new incident after someone resolves or closes the old one', async () => {
      const { services, incidentsOf } = await setup(databaseId);
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert()]),
        alertmanager,
      );
      await services.incidents.transition({
        idOrNumber: 'INC-000001',
        input: {
          version: 1,
          to: 'resolved',
          resolutionCode: 'workaround',
          resolutionNotes: 'Restarted the pods',
        },
        caller: ben,
      });
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert()]),
        alertmanager,
      );
      await services.incidents.transition({
        idOrNumber: 'INC-000002',
        input: { version: 1, to: 'cancelled' },
        caller: ben,
      });
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([firingAlert()]),
        alertmanager,
      );
      expect(
        (await incidentsOf('a1b2c3d4e5f60718')).map(i => [
          i.number,
          i.status,
          i.occurrenceCount,
        ]),
      ).toEqual([
        ['INC-000003', 'new', 1],
        ['INC-000002', 'cancelled', 1],
        ['INC-000001', 'resolved', 1],
      ]);
    });

    it('routes by the alert-selector annotation and by a full entity ref', async () => {
      const { services, incidentsOf } = await setup(databaseId);
      await services.alerts.ingestAlertmanager(
        alertmanagerWebhook([
          firingAlert({
            fingerprint: 'selector',
            labels: { alertname: 'Slow', team: 'payments', env: 'prod' },
          }),
          firingAlert({
            fingerprint: 'byref',
            labels: { alertname: 'Disk', itsm_entity: 'resource:orders-db' },
          }),
        ]),
        alertmanager,
      );
      expect(await incidentsOf('selector')).toMatchObject([
        {
          entityRef: 'component:default/payments-api',
          impact: 2,
          urgency: 2,
        },
      ]);
      expect(await incidentsOf('byref')).toMatchObject([
        {
          entityRef: 'resource:default/orders-db',
          ownerRef: 'group:default/platform-team',
        },
      ]);
    });

    it('never opens two incidents for concurrent duplicates', async () => {
      const { services, incidentsOf, knex } = await setup(databaseId);
      const webhook = alertmanagerWebhook([firingAlert()]);
      await Promise.all(
        Array.from({ length: 20 }, () =>
          services.alerts.ingestAlertmanager(webhook, alertmanager),
        ),
      );
      expect(await incidentsOf('a1b2c3d4e5f60718')).toMatchObject([
        { occurrenceCount: 20 },
      ]);

      // Groups of several alerts in different orders, as HA pairs send them.
      const fingerprints = Array.from({ length: 8 }, (_, i) => `fp-${i}`);
      const deliveries = Array.from({ length: 12 }, (_, d) =>
        alertmanagerWebhook(
          [...fingerprints]
            .sort(() => (d % 2 ? 1 : -1))
            .map(fingerprint => firingAlert({ fingerprint })),
        ),
      );
      await Promise.all(
        deliveries.map(webhook2 =>
          services.alerts.ingestAlertmanager(webhook2, alertmanager),
        ),
      );
      const counts = await knex('itsm_incidents')
        .whereIn('dedup_key', fingerprints)
        .select('dedup_key', 'occurrence_count');
      expect(counts).toHaveLength(8);
      expect(counts.every(c => Number(c.occurrence_count) === 12)).toBe(true);
    });

    it('asks for itsm.alert.ingest before reading the payload', async () => {
      const { services, permissions, knex } = await setup(databaseId);
      permissions.authorize.mockResolvedValue([
        { result: AuthorizeResult.DENY },
      ]);
      await expect(
        services.alerts.ingestAlertmanager(
          alertmanagerWebhook([firingAlert()]),
          alertmanager,
        ),
      ).rejects.toThrow('You are not allowed to itsm.alert.ingest');
      expect(permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({ name: 'itsm.alert.ingest' }),
          },
        ],
        { credentials: alertmanager.credentials },
      );
      expect(await knex('itsm_alert_deliveries')).toEqual([]);
      expect(await knex('itsm_incidents')).toEqual([]);
    });
  });

  it('answers 503 when the database is unreachable', async () => {
    const unreachable = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', port: 1, user: 'postgres' },
      acquireConnectionTimeout: 1000,
    });
    try {
      const { services } = createTestServices(unreachable);
      await expect(
        services.alerts.ingestAlertmanager(
          alertmanagerWebhook([firingAlert()]),
          alertmanager,
        ),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: 'The alert delivery was not stored; send it again later',
      });
    } finally {
      await unreachable.destroy();
    }
  });
});
