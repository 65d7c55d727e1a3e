import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { AlertIngestService } from '../services/alerts/AlertIngestService';
import { UnroutedAlertService } from '../services/alerts/UnroutedAlertService';
import { callerOf } from '../shared/caller';
import {
  assignUnroutedAlertBody,
  countUnroutedAlertsQuery,
  dismissUnroutedAlertBody,
  listUnroutedAlertsQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { parseBody, parseQuery } from '../shared/parseInput';
import { pageOptions } from '../shared/pageOptions';
import { jsonBody } from './jsonBody';
import { AuditedRoute } from './audit/auditedRoute';

/**
 * Alert payloads are parsed whatever their content type (some senders omit
 * it) and may be large: a 413 would make Alertmanager drop the whole group.
 */
const alertJson = express.json({ limit: '25mb', type: () => true });

/**
 * Routes under `/alerts`: ingestion endpoints and the unrouted inbox. Mounted
 * before the router's body parser, so each route parses its own body.
 */
export function alertRoutes(options: {
  httpAuth: HttpAuthService;
  audit: AuditedRoute;
  alerts: AlertIngestService;
  unroutedAlerts: UnroutedAlertService;
}) {
  const { httpAuth, audit, alerts, unroutedAlerts } = options;
  const router = Router();

  router.post(
    '/alerts/alertmanager',
    alertJson,
    audit('alert-ingest-alertmanager', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      res.json(await alerts.ingestAlertmanager(req.body, caller));
    }),
  );

  router.post(
    '/alerts/pagerduty/v2/enqueue',
    alertJson,
    audit('alert-ingest-events-v2', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const { dedupKey } = await alerts.ingestEventsV2(req.body, caller);
      res.status(202).json({
        status: 'success',
        message: 'Event processed',
        dedup_key: dedupKey,
      });
    }),
  );

  router.get('/alerts/unrouted', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(listUnroutedAlertsQuery, req.query);
    res.json(
      await unroutedAlerts.list(
        { status: query.status, ...pageOptions(query) },
        caller,
      ),
    );
  });

  router.get('/alerts/unrouted/count', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(countUnroutedAlertsQuery, req.query);
    res.json(await unroutedAlerts.count({ status: query.status }, caller));
  });

  router.post(
    '/alerts/unrouted/:id/dismiss',
    jsonBody,
    audit('unrouted-alert-dismiss', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(dismissUnroutedAlertBody, req.body);
      res.json(
        await unroutedAlerts.dismiss({
          id: req.params.id,
          input: body,
          caller,
        }),
      );
    }),
  );

  router.post(
    '/alerts/unrouted/:id/assign',
    jsonBody,
    audit('unrouted-alert-assign', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(assignUnroutedAlertBody, req.body);
      res.status(201).json(
        await unroutedAlerts.assign({
          id: req.params.id,
          input: body,
          caller,
        }),
      );
    }),
  );

  return router;
}
