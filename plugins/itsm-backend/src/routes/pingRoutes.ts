import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { callerOf } from '../shared/caller';

/**
 * The cheapest authenticated request: it reads the caller and touches
 * nothing else, so its latency is what every other route pays before its own
 * work (the framework's floor in `yarn bench`).
 */
export function pingRoutes(options: { httpAuth: HttpAuthService }) {
  const { httpAuth } = options;
  const router = Router();

  router.get('/ping', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json({ actorRef: caller.actorRef });
  });

  return router;
}
