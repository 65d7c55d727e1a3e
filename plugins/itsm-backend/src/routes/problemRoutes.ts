import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { callerOf } from '../shared/caller';
import { KnownErrorService } from '../services/problems/KnownErrorService';
import { ProblemLinkService } from '../services/problems/ProblemLinkService';
import { ProblemService } from '../services/problems/ProblemService';
import { parseBody, parseQuery } from '../shared/parseInput';
import {
  createProblemBody,
  linkIncidentBody,
  listKnownErrorsQuery,
  listProblemsQuery,
  problemTransitionBody,
  publishKnownErrorBody,
  updateProblemBody,
} from '@backstage-itsm/plugin-itsm-common';
import {
  knownErrorListRequest,
  problemListRequest,
} from '../shared/listRequests';
import { recordRoutes } from './recordRoutes';
import { AuditedRoute } from './audit/auditedRoute';

/** Routes under `/problems` and `/known-errors`. */
export function problemRoutes(options: {
  httpAuth: HttpAuthService;
  audit: AuditedRoute;
  problems: ProblemService;
  problemLinks: ProblemLinkService;
  knownErrors: KnownErrorService;
}) {
  const { httpAuth, audit, problems, problemLinks, knownErrors } = options;
  const router = Router();
  router.use(
    recordRoutes({
      httpAuth,
      audit,
      path: '/problems',
      schemas: {
        create: createProblemBody,
        update: updateProblemBody,
        transition: problemTransitionBody,
      },
      records: problems,
    }),
  );

  router.get('/problems', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(listProblemsQuery, req.query);
    res.json(await problems.list(problemListRequest(query, caller)));
  });

  router.get('/known-errors', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(listKnownErrorsQuery, req.query);
    res.json(await knownErrors.list(knownErrorListRequest(query, caller)));
  });

  router.post(
    '/problems/:id/known-error',
    audit('known-error-publish', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(publishKnownErrorBody, req.body);
      res.json(
        await knownErrors.publish({
          idOrNumber: req.params.id,
          input: body,
          caller,
        }),
      );
    }),
  );

  router.post(
    '/problems/:id/incidents/:incidentId',
    audit('problem-incident-link', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(linkIncidentBody, req.body);
      res.json(
        await problemLinks.link({
          problemIdOrNumber: req.params.id,
          incidentIdOrNumber: req.params.incidentId,
          input: body,
          caller,
        }),
      );
    }),
  );

  router.delete(
    '/problems/:id/incidents/:incidentId',
    audit('problem-incident-unlink', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      res.json(
        await problemLinks.unlink({
          problemIdOrNumber: req.params.id,
          incidentIdOrNumber: req.params.incidentId,
          caller,
        }),
      );
    }),
  );

  return router;
}
