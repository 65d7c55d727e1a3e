import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { callerOf } from '../shared/caller';
import { normaliseEntityRef } from '../shared/catalogEntities';
import { EntitySummaryService } from '../services/summaries/EntitySummaryService';
import { parseQuery } from '../shared/parseInput';
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
    const query = parseQuery(entitySummaryQuery, req.query);
    const entityRef = normaliseEntityRef(query.entityRef, 'entityRef');
    res.json(await summaries.summarise(entityRef, caller));
  });

  return router;
}
