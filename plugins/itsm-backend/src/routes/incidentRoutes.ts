import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { callerOf } from '../shared/caller';
import { IncidentService } from '../services/incidents/IncidentService';
import { PostmortemService } from '../services/postmortems/PostmortemService';
import { ProblemFromIncidentService } from '../services/problems/ProblemFromIncidentService';
import { parseBody, parseQuery } from '../shared/parseInput';
import {
  createIncidentBody,
  incidentTransitionBody,
  listIncidentsQuery,
  postmortemBody,
  updateIncidentBody,
} from '@backstage-itsm/plugin-itsm-common';
import { problemFromIncidentBody } from '@backstage-itsm/plugin-itsm-common';
import { incidentListRequest } from '../shared/listRequests';
import { recordRoutes } from './recordRoutes';
import { AuditedRoute } from './audit/auditedRoute';

/** Routes under `/incidents`. */
export function incidentRoutes(options: {
  httpAuth: HttpAuthService;
  audit: AuditedRoute;
  incidents: IncidentService;
  postmortems: PostmortemService;
  problemsFromIncidents: ProblemFromIncidentService;
}) {
  const { httpAuth, audit, incidents, postmortems, problemsFromIncidents } =
    options;
  const router = Router();
  router.use(
    recordRoutes({
      httpAuth,
      audit,
      path: '/incidents',
      schemas: {
        create: createIncidentBody,
        update: updateIncidentBody,
        transition: incidentTransitionBody,
      },
      records: incidents,
    }),
  );

  router.get('/incidents', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(listIncidentsQuery, req.query);
    res.json(await incidents.list(incidentListRequest(query, caller)));
  });

  router.get('/incidents/:id/postmortem', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await postmortems.get(req.params.id, caller));
  });

  router.put(
    '/incidents/:id/postmortem',
    audit('postmortem-save', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(postmortemBody, req.body);
      res.json(
        await postmortems.save({
          incidentIdOrNumber: req.params.id,
          input: body,
          caller,
        }),
      );
    }),
  );

  router.post(
    '/incidents/:id/problem',
    audit('problem-from-incident', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(problemFromIncidentBody, req.body);
      res.status(201).json(
        await problemsFromIncidents.create({
          incidentIdOrNumber: req.params.id,
          input: body,
          caller,
        }),
      );
    }),
  );

  return router;
}
