import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { AlertIngestService } from '../services/alerts/AlertIngestService';
import { UnroutedAlertService } from '../services/alerts/UnroutedAlertService';
import { listMigrations } from '../database/migrations';
import { errorHandler } from './errorHandler';
import { ActionItemService } from '../services/actionItems/ActionItemService';
import { AnalysisService } from '../services/analysis/AnalysisService';
import { IncidentService } from '../services/incidents/IncidentService';
import { PostmortemService } from '../services/postmortems/PostmortemService';
import { EntitySummaryService } from '../services/summaries/EntitySummaryService';
import { ProblemService } from '../services/problems/ProblemService';
import { actionItemRoutes } from './actionItemRoutes';
import { analysisRoutes } from './analysisRoutes';
import { alertRoutes } from './alertRoutes';
import { incidentRoutes } from './incidentRoutes';
import { problemRoutes } from './problemRoutes';
import { summaryRoutes } from './summaryRoutes';

/** The services the API exposes. */
export interface ItsmServices {
  incidents: IncidentService;
  problems: ProblemService;
  postmortems: PostmortemService;
  actionItems: ActionItemService;
  summaries: EntitySummaryService;
  analysis: AnalysisService;
  alerts: AlertIngestService;
  unroutedAlerts: UnroutedAlertService;
}

/** Builds the `/api/itsm` router. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  knex: Knex;
  services: ItsmServices;
}): Promise<express.Router> {
  const { httpAuth, knex, services } = options;
  const router = Router();
  // Before the general body parser: alert payloads have their own limits.
  router.use(
    alertRoutes({
      httpAuth,
      alerts: services.alerts,
      unroutedAlerts: services.unroutedAlerts,
    }),
  );
  router.use(express.json({ limit: '1mb' }));

  router.get('/health', async (_req, res) => {
    res.json({ status: 'ok', migrations: await listMigrations(knex) });
  });

  router.use(incidentRoutes({ httpAuth, ...services }));
  router.use(problemRoutes({ httpAuth, problems: services.problems }));
  router.use(actionItemRoutes({ httpAuth, actionItems: services.actionItems }));
  router.use(summaryRoutes({ httpAuth, summaries: services.summaries }));
  router.use(analysisRoutes({ httpAuth, analysis: services.analysis }));
  router.use(errorHandler({ logger: options.logger }));
  return router;
}
