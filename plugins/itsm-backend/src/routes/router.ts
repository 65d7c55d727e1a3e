import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { ItsmServices } from '../services/createItsmServices';
import { actionItemRoutes } from './actionItemRoutes';
import { alertRoutes } from './alertRoutes';
import { analysisRoutes } from './analysisRoutes';
import { errorHandler } from './errorHandler';
import { followRoutes } from './followRoutes';
import { incidentRoutes } from './incidentRoutes';
import { jsonBody } from './jsonBody';
import { majorIncidentRoutes } from './majorIncidentRoutes';
import { problemRoutes } from './problemRoutes';
import { statusRoutes } from './statusRoutes';
import { summaryRoutes } from './summaryRoutes';
import { triageRoutes } from './triageRoutes';

/** Builds the `/api/itsm` router. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  services: ItsmServices;
}): Promise<express.Router> {
  const { httpAuth, services } = options;
  const router = Router();
  // Before the general body parser: alert payloads have their own limits.
  router.use(alertRoutes({ httpAuth, ...services }));
  router.use(jsonBody);

  router.get('/health', async (_req, res) => {
    res.json(await services.health.status());
  });

  router.use(triageRoutes({ httpAuth, ...services }));
  router.use(followRoutes({ httpAuth, ...services }));
  router.use(incidentRoutes({ httpAuth, ...services }));
  router.use(majorIncidentRoutes({ httpAuth, ...services }));
  router.use(problemRoutes({ httpAuth, ...services }));
  router.use(actionItemRoutes({ httpAuth, ...services }));
  router.use(summaryRoutes({ httpAuth, ...services }));
  router.use(analysisRoutes({ httpAuth, ...services }));
  router.use(statusRoutes({ httpAuth, ...services }));
  router.use(errorHandler({ logger: options.logger }));
  return router;
}
