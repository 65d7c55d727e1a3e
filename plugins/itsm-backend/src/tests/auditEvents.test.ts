import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  TEST_ENTITIES,
  alertmanagerWebhook,
  eventsV2,
  firingAlert,
  incidentInput,
} from '../__testUtils__/fixtures';
import {
  Server,
  mockPermissions,
  sendChecked,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';
import { actionInvoker } from '../__testUtils__/actionTestKit';
import { recordingAuditor } from '../__testUtils__/recordingAuditor';
import { ITSM_AUDIT_EVENTS } from '../shared/audit/auditEvents';

jest.setTimeout(120_000);

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

const ben = userHeader('ben');

describe('auditor events of the mutating routes', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const { permissions, allow } = mockPermissions();
    const { auditor, events } = recordingAuditor();
    let server: Server;

    async function send(
      method: Method,
      path: string,
      body?: object,
      headers: Record<string, string> = ben,
    ) {
      events.length = 0;
      return sendChecked(server, method, path, headers, body);
    }

    function onlyEvent() {
      expect(events).toHaveLength(1);
      return events[0];
    }

    beforeAll(async () => {
      server = await startItsmBackend({
        permissions,
        entities: TEST_ENTITIES,
        knex: await databases.init(databaseId),
        features: [auditor.factory],
      });
    });

    beforeEach(() => allow(AuthorizeResult.ALLOW));

    it('records each mutation of an incident and its problem with the record written', async () => {
      const created = await send('post', '/incidents', incidentInput());
      const incident = created.body;
      expect(onlyEvent()).toMatchObject({
        eventId: 'incident-create',
        severityLevel: 'medium',
        actorHeader: ben.Authorization,
        outcome: 'succeeded',
        outcomeMeta: { id: incident.id, number: incident.number, version: 1 },
      });

      const steps: [Method, string, object, string, object][] = [
        [
          'patch',
          `/incidents/${incident.id}`,
          { version: 1, title: 'Checkout fails for card payments' },
          'incident-update',
          { id: incident.id, version: 2 },
        ],
        [
          'post',
          `/incidents/${incident.number}/transitions`,
          { version: 2, to: 'in_progress' },
          'incident-transition',
          { id: incident.id, status: 'in_progress', version: 3 },
        ],
        [
          'post',
          `/incidents/${incident.id}/notes`,
          { body: 'Rolling back' },
          'incident-note',
          {},
        ],
        [
          'put',
          `/incidents/${incident.id}/postmortem`,
          { summary: 'The pool ran dry' },
          'postmortem-save',
          {},
        ],
        ['put', `/incidents/${incident.id}/follow`, {}, 'incident-follow', {}],
        [
          'delete',
          `/incidents/${incident.id}/follow`,
          {},
          'incident-unfollow',
          {},
        ],
      ];
      for (const [method, path, body, eventId, outcomeMeta] of steps) {
        const res = await send(
          method,
          path,
          method === 'delete' ? undefined : body,
        );
        expect({ path, status: res.status }).toEqual({
          path,
          status: res.status < 300 ? res.status : 200,
        });
        const event = onlyEvent();
        expect(event).toMatchObject({
          eventId,
          severityLevel:
            ITSM_AUDIT_EVENTS[eventId as keyof typeof ITSM_AUDIT_EVENTS],
          outcome: 'succeeded',
          outcomeMeta,
        });
        expect(event.meta?.params).toMatchObject({
          id: path.split('/')[2],
        });
      }

      const fromIncident = await send(
        'post',
        `/incidents/${incident.id}/problem`,
        {},
      );
      expect(onlyEvent()).toMatchObject({
        eventId: 'problem-from-incident',
        outcome: 'succeeded',
        outcomeMeta: { id: fromIncident.body.id },
      });
      const problemId = fromIncident.body.id;

      await send('delete', `/problems/${problemId}/incidents/${incident.id}`);
      expect(onlyEvent()).toMatchObject({
        eventId: 'problem-incident-unlink',
        meta: { params: { id: problemId, incidentId: incident.id } },
        outcome: 'succeeded',
      });
      await send('post', `/problems/${problemId}/incidents/${incident.id}`, {});
      expect(onlyEvent()).toMatchObject({
        eventId: 'problem-incident-link',
        outcome: 'succeeded',
      });
      const documented = await send('patch', `/problems/${problemId}`, {
        version: (await send('get', `/problems/${problemId}`)).body.version,
        rootCause: 'The pool is sized for half the peak',
        workaround: 'Restart the pool',
      });
      expect(onlyEvent()).toMatchObject({
        eventId: 'problem-update',
        outcome: 'succeeded',
      });
      await send('post', `/problems/${problemId}/known-error`, {
        version: documented.body.version,
      });
      expect(onlyEvent()).toMatchObject({
        eventId: 'known-error-publish',
        severityLevel: 'high',
        outcome: 'succeeded',
        outcomeMeta: { id: problemId },
      });
      const item = await send('post', '/action-items', {
        parentType: 'problem',
        parentId: problemId,
        title: 'Raise the pool size',
      });
      expect(onlyEvent()).toMatchObject({
        eventId: 'action-item-create',
        outcome: 'succeeded',
        outcomeMeta: { id: item.body.id },
      });
      await send('patch', `/action-items/${item.body.id}`, {
        version: item.body.version,
        status: 'done',
      });
      expect(onlyEvent()).toMatchObject({
        eventId: 'action-item-update',
        outcome: 'succeeded',
        outcomeMeta: { id: item.body.id, status: 'done' },
      });
    });

    it('records alert ingestion in both formats at low severity, and the inbox decisions at high', async () => {
      const fingerprint = `audit-${databaseId}`;
      const ingested = await send(
        'post',
        '/alerts/alertmanager',
        alertmanagerWebhook([
          firingAlert({ fingerprint, labels: { alertname: 'NodeDown' } }),
        ]),
      );
      expect(ingested.status).toBe(200);
      expect(onlyEvent()).toMatchObject({
        eventId: 'alert-ingest-alertmanager',
        severityLevel: 'low',
        outcome: 'succeeded',
        outcomeMeta: { unrouted: 1, opened: 0 },
      });

      const change = await send('post', '/changes', {
        entityRef: 'component:default/checkout-api',
        summary: 'Deploy checkout-api 2.4.1',
        dedupKey: `audit-change-${databaseId}`,
      });
      expect(change.status).toBe(202);
      expect(onlyEvent()).toMatchObject({
        eventId: 'change-ingest',
        severityLevel: 'low',
        outcome: 'succeeded',
        outcomeMeta: { id: change.body.id },
      });

      const enqueued = await send(
        'post',
        '/alerts/pagerduty/v2/enqueue',
        eventsV2({ dedup_key: `audit-v2-${databaseId}` }),
      );
      expect(enqueued.status).toBe(202);
      expect(onlyEvent()).toMatchObject({
        eventId: 'alert-ingest-events-v2',
        severityLevel: 'low',
        outcome: 'succeeded',
        outcomeMeta: { dedup_key: `audit-v2-${databaseId}` },
      });

      const inbox = await send('get', '/alerts/unrouted?status=pending');
      const alertId = inbox.body.items.find(
        (a: { dedupKey: string }) => a.dedupKey === fingerprint,
      ).id;
      const assigned = await send(
        'post',
        `/alerts/unrouted/${alertId}/assign`,
        {
          entityRef: 'component:default/checkout-api',
        },
      );
      expect(assigned.status).toBe(201);
      expect(onlyEvent()).toMatchObject({
        eventId: 'unrouted-alert-assign',
        severityLevel: 'high',
        meta: { params: { id: alertId } },
        outcome: 'succeeded',
        outcomeMeta: {
          alert: { id: alertId, status: 'assigned' },
          incident: { id: assigned.body.incident.id },
        },
      });
      const dismissed = await send(
        'post',
        `/alerts/unrouted/${alertId}/dismiss`,
        { reason: 'Already handled' },
      );
      expect(dismissed.status).toBe(409);
      expect(onlyEvent()).toMatchObject({
        eventId: 'unrouted-alert-dismiss',
        outcome: 'failed',
        error: expect.objectContaining({ name: 'ConflictError' }),
      });
    });

    it('records denied and refused attempts as failures, and reads not at all', async () => {
      allow(AuthorizeResult.DENY);
      const denied = await send('post', '/alerts/alertmanager', {
        ...alertmanagerWebhook([firingAlert()]),
      });
      expect(denied.status).toBe(403);
      expect(onlyEvent()).toMatchObject({
        eventId: 'alert-ingest-alertmanager',
        outcome: 'failed',
        error: expect.objectContaining({ name: 'NotAllowedError' }),
      });
      allow(AuthorizeResult.ALLOW);

      const invalid = await send('post', '/problems', { title: 'T' });
      expect(invalid.status).toBe(400);
      expect(onlyEvent()).toMatchObject({
        eventId: 'problem-create',
        outcome: 'failed',
        error: expect.objectContaining({ name: 'InputError' }),
      });

      await send(
        'put',
        '/entity-follows?entityRef=component:default/checkout-api',
      );
      expect(onlyEvent()).toMatchObject({
        eventId: 'entity-follow',
        severityLevel: 'low',
        outcome: 'succeeded',
      });

      for (const path of [
        '/incidents',
        '/problems',
        '/known-errors',
        '/entity-follows?entityRef=component:default/checkout-api',
      ]) {
        expect((await send('get', path)).status).toBe(200);
        expect(events).toEqual([]);
      }
    });

    it('records the declaration of a major incident at high severity', async () => {
      const created = await send('post', '/incidents', incidentInput());
      const declared = await send(
        'put',
        `/incidents/${created.body.number}/major-incident`,
        { version: created.body.version },
      );
      expect(declared.status).toBe(200);
      expect(onlyEvent()).toMatchObject({
        eventId: 'incident-major-declare',
        severityLevel: 'high',
        meta: { params: { id: created.body.number } },
        outcome: 'succeeded',
        outcomeMeta: { id: created.body.id },
      });
    });

    it('records the changes made through actions under the same ids, naming the caller, and their reads not at all', async () => {
      const invoke = actionInvoker(() => server, ben);
      events.length = 0;
      const created = await invoke('create-incident', incidentInput());
      expect(created.status).toBe(200);
      const incident = created.body.output.incident;
      expect(onlyEvent()).toMatchObject({
        eventId: 'incident-create',
        severityLevel: 'medium',
        meta: { action: 'create-incident', actor: 'user:default/ben' },
        outcome: 'succeeded',
        outcomeMeta: { id: incident.id, number: incident.number },
      });

      events.length = 0;
      allow(AuthorizeResult.DENY);
      const denied = await invoke('transition-incident', {
        id: incident.number,
        version: incident.version,
        to: 'in_progress',
      });
      expect(denied.status).toBe(403);
      expect(onlyEvent()).toMatchObject({
        eventId: 'incident-transition',
        outcome: 'failed',
        error: expect.objectContaining({ name: 'NotAllowedError' }),
      });

      events.length = 0;
      allow(AuthorizeResult.ALLOW);
      expect((await invoke('list-incidents', {})).status).toBe(200);
      expect(events).toEqual([]);
    });
  });
});
