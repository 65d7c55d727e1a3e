import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import {
  confirmKnownErrorBody,
  possibleDuplicatesQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { DuplicateService } from '../services/incidents/DuplicateService';
import { IncidentKnownErrorService } from '../services/problems/IncidentKnownErrorService';
import { callerOf } from '../shared/caller';
import { parseBody, parseQuery } from '../shared/parseInput';
import { AuditedRoute } from './audit/auditedRoute';

/**
 * Routes that help triage an incident: possible duplicates while logging,
 * the duplicates of an incident, and the known errors that may explain it.
 * Mounted before the record routes, so `possible-duplicates` is no id.
 */
export function triageRoutes(options: {
  httpAuth: HttpAuthService;
  audit: AuditedRoute;
  duplicates: DuplicateService;
  incidentKnownErrors: IncidentKnownErrorService;
}) {
  const { httpAuth, audit, duplicates, incidentKnownErrors } = options;
  const router = Router();

  router.get('/incidents/possible-duplicates', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(possibleDuplicatesQuery, req.query);
    res.json(
      await duplicates.possibleDuplicates({
        entityRef: query.entityRef,
        text: query.text,
        caller,
      }),
    );
  });

  router.get('/incidents/:id/duplicates', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await duplicates.duplicatesOf(req.params.id, caller));
  });

  router.get('/incidents/:id/known-errors', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await incidentKnownErrors.candidates(req.params.id, caller));
  });

  router.post(
    '/incidents/:id/known-error',
    audit('incident-known-error-confirm', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(confirmKnownErrorBody, req.body);
      res.json(
        await incidentKnownErrors.confirm({
          incidentIdOrNumber: req.params.id,
          input: body,
          caller,
        }),
      );
    }),
  );

  return router;
}
