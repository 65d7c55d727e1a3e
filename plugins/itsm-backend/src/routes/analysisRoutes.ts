import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { AnalysisService } from '../services/analysis/AnalysisService';
import { callerOf } from '../shared/caller';
import { parseQuery } from '../shared/parseInput';
import {
  analysisQuery,
  analysisWindow,
} from '@backstage-itsm/plugin-itsm-common';

/** `GET /analysis`: reliability of an entity, owner, system or the organisation. */
export function analysisRoutes(options: {
  httpAuth: HttpAuthService;
  analysis: AnalysisService;
  now?: () => number;
}) {
  const { httpAuth, analysis } = options;
  const router = Router();

  router.get('/analysis', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(analysisQuery, req.query);
    const window = analysisWindow(query, options.now?.() ?? Date.now());
    if ('field' in window) {
      throw new InputError(`Invalid query: ${window.field}: ${window.reason}`);
    }
    const { entityRef, ownerRef, systemRef } = query;
    res.json(
      await analysis.analyse({
        scope: { entityRef, ownerRef, systemRef },
        ...window,
        caller,
      }),
    );
  });

  return router;
}
