import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { ItsmServices } from '../services/createItsmServices';
import { actionItemRoutes } from './actionItemRoutes';
import { alertRoutes } from './alertRoutes';
import { analysisRoutes } from './analysisRoutes';
import { auditedRoute } from './audit/auditedRoute';
import { changeRoutes } from './changeRoutes';
import { errorHandler } from './errorHandler';
import { followRoutes } from './followRoutes';
import { incidentRoutes } from './incidentRoutes';
import { jsonBody } from './jsonBody';
import { majorIncidentRoutes } from './majorIncidentRoutes';
import { pingRoutes } from './pingRoutes';
import { problemRoutes } from './problemRoutes';
import { searchDocumentRoutes } from './searchDocumentRoutes';
import { statusRoutes } from './statusRoutes';
import { summaryRoutes } from './summaryRoutes';
import { triageRoutes } from './triageRoutes';

/** Builds the `/api/itsm` router. */
export async function createRouter(options: {
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  services: ItsmServices;
}): Promise<express.Router> {
  const { httpAuth, services } = options;
  // Every route reads what it needs; mutating ones wrap their handler in `audit`.
  const deps = {
    httpAuth,
    audit: auditedRoute({ auditor: options.auditor }),
    ...services,
  };
  const router = Router();
  // Before the general body parser: alert payloads have their own limits.
  router.use(alertRoutes(deps));
  router.use(changeRoutes(deps));
  router.use(jsonBody);

  router.get('/health', async (_req, res) => {
    res.json(await services.health.status());
  });

  router.use(pingRoutes({ httpAuth: options.httpAuth }));
  router.use(triageRoutes(deps));
  router.use(followRoutes(deps));
  router.use(incidentRoutes(deps));
  router.use(majorIncidentRoutes(deps));
  router.use(problemRoutes(deps));
  router.use(actionItemRoutes(deps));
  router.use(summaryRoutes(deps));
  router.use(analysisRoutes(deps));
  router.use(statusRoutes(deps));
  router.use(searchDocumentRoutes(deps));
  router.use(errorHandler({ logger: options.logger }));
  return router;
}
