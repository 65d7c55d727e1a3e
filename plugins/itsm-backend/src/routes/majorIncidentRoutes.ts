import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  affectedEntitiesBody,
  listPostmortemsQuery,
  majorIncidentBody,
  postmortemStatusBody,
} from '@backstage-itsm/plugin-itsm-common';
import Router from 'express-promise-router';
import { AffectedEntityService } from '../services/majorIncidents/AffectedEntityService';
import { MajorIncidentService } from '../services/majorIncidents/MajorIncidentService';
import { PostmortemReviewService } from '../services/postmortems/PostmortemReviewService';
import { callerOf } from '../shared/caller';
import { pageOptions } from '../shared/pageOptions';
import { parseBody, parseQuery } from '../shared/parseInput';
import { AuditedRoute } from './audit/auditedRoute';

/** Routes of major incidents, affected entities and the postmortem review. */
export function majorIncidentRoutes(options: {
  httpAuth: HttpAuthService;
  audit: AuditedRoute;
  majorIncidents: MajorIncidentService;
  affectedEntities: AffectedEntityService;
  postmortemReviews: PostmortemReviewService;
}) {
  const {
    httpAuth,
    audit,
    majorIncidents,
    affectedEntities,
    postmortemReviews,
  } = options;
  const router = Router();

  router.put(
    '/incidents/:id/major-incident',
    audit('incident-major-declare', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const input = parseBody(majorIncidentBody, req.body);
      res.json(
        await majorIncidents.declare({
          idOrNumber: req.params.id,
          input,
          caller,
        }),
      );
    }),
  );

  router.get('/incidents/:id/affected-entities', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await affectedEntities.get(req.params.id, caller));
  });

  router.put(
    '/incidents/:id/affected-entities',
    audit('incident-affected-entities', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const input = parseBody(affectedEntitiesBody, req.body);
      res.json(
        await affectedEntities.set({
          idOrNumber: req.params.id,
          input,
          caller,
        }),
      );
    }),
  );

  router.post(
    '/incidents/:id/postmortem/status',
    audit('postmortem-status', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const input = parseBody(postmortemStatusBody, req.body);
      res.json(
        await postmortemReviews.transition({
          incidentIdOrNumber: req.params.id,
          input,
          caller,
        }),
      );
    }),
  );

  router.get('/postmortems', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(listPostmortemsQuery, req.query);
    res.json(
      await postmortemReviews.list({
        statuses: query.status,
        ...pageOptions(query),
        caller,
      }),
    );
  });

  return router;
}
