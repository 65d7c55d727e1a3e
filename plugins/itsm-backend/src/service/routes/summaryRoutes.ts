import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { callerOf } from '../caller';
import { normaliseEntityRef } from '../catalogEntities';
import { EntitySummaryService } from '../EntitySummaryService';
import { parseInput } from '../validation/parseInput';
import { entitySummaryQuery } from '@backstage-itsm/plugin-itsm-common';

/** Route of the entity overview card. */
export function summaryRoutes(options: {
  httpAuth: HttpAuthService;
  summaries: EntitySummaryService;
}) {
  const { httpAuth, summaries } = options;
  const router = Router();

  router.get('/entity-summary', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseInput(entitySummaryQuery, req.query, 'query');
    const entityRef = normaliseEntityRef(query.entityRef, 'entityRef');
    res.json(await summaries.summarise(entityRef, caller));
  });

  return router;
}
