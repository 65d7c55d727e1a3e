import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { InputError } from '@backstage/errors';
import {
  analysisQuery,
  analysisWindow,
  listChangesQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { ChangeIngestService } from '../services/changes/ChangeIngestService';
import { ChangeReadService } from '../services/changes/ChangeReadService';
import { DoraService } from '../services/changes/DoraService';
import { AuditedRoute } from './audit/auditedRoute';
import { callerOf } from '../shared/caller';
import { normaliseEntityRef } from '../shared/catalogEntities';
import { pageOptions } from '../shared/pageOptions';
import { parseQuery } from '../shared/parseInput';

/** Change payloads are parsed whatever their content type: `curl -d` sends a form type. */
const changeJson = express.json({ limit: '1mb', type: () => true });

/**
 * Routes of change events: the native and PagerDuty-compatible ingestion
 * endpoints, the change list, and the changes before an incident or behind a
 * problem. Mounted before the router's body parser.
 */
export function changeRoutes(options: {
  httpAuth: HttpAuthService;
  audit: AuditedRoute;
  changes: ChangeIngestService;
  changeReads: ChangeReadService;
  dora: DoraService;
}) {
  const { httpAuth, audit, changes, changeReads, dora } = options;
  const router = Router();

  router.post(
    '/changes',
    changeJson,
    audit('change-ingest', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      res.status(202).json(await changes.ingest(req.body, caller));
    }),
  );

  router.post(
    '/alerts/pagerduty/v2/change/enqueue',
    changeJson,
    audit('change-ingest-pagerduty', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const result = await changes.ingestPagerDuty(req.body, caller);
      res.status(202).json({
        status: 'success',
        message: 'Change event processed',
        id: result.id,
        entity_ref: result.entityRef,
      });
    }),
  );

  router.get('/changes', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(listChangesQuery, req.query);
    res.json(
      await changeReads.list({
        filter: {
          entityRef: query.entityRef
            ? normaliseEntityRef(query.entityRef, 'entityRef')
            : undefined,
          unrouted: query.unrouted === 'true',
          kind: query.kind,
        },
        ...pageOptions(query),
        caller,
      }),
    );
  });

  router.get('/dora', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(analysisQuery, req.query);
    const window = analysisWindow(query, Date.now());
    if ('field' in window) {
      throw new InputError(`Invalid query: ${window.field}: ${window.reason}`);
    }
    const { entityRef, ownerRef, systemRef } = query;
    res.json(
      await dora.figures({
        scope: { entityRef, ownerRef, systemRef },
        ...window,
        caller,
      }),
    );
  });

  router.get('/incidents/:id/changes', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await changeReads.ofIncident(req.params.id, caller));
  });

  router.get('/problems/:id/changes', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await changeReads.ofProblem(req.params.id, caller));
  });

  return router;
}
