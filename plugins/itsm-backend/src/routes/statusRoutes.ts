import { HttpAuthService } from '@backstage/backend-plugin-api';
import { upstreamIncidentsQuery } from '@backstage-itsm/plugin-itsm-common';
import Router from 'express-promise-router';
import { StatusService } from '../services/status/StatusService';
import { UpstreamIncidentService } from '../services/upstream/UpstreamIncidentService';
import { callerOf } from '../shared/caller';
import { normaliseEntityRef } from '../shared/catalogEntities';
import { parseQuery } from '../shared/parseInput';

/** Routes of the status page and of an entity's upstream warnings. */
export function statusRoutes(options: {
  httpAuth: HttpAuthService;
  status: StatusService;
  upstreamIncidents: UpstreamIncidentService;
}) {
  const { httpAuth, status, upstreamIncidents } = options;
  const router = Router();

  router.get('/status', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await status.read(caller));
  });

  router.get('/entities/upstream-incidents', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(upstreamIncidentsQuery, req.query);
    const entityRef = normaliseEntityRef(query.entityRef, 'entityRef');
    res.json(await upstreamIncidents.list(entityRef, caller));
  });

  return router;
}
