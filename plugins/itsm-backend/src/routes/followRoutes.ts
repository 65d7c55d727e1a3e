import { HttpAuthService } from '@backstage/backend-plugin-api';
import { entityFollowQuery } from '@backstage-itsm/plugin-itsm-common';
import Router from 'express-promise-router';
import {
  FollowAction,
  FollowService,
} from '../services/followers/FollowService';
import { callerOf } from '../shared/caller';
import { normaliseEntityRef } from '../shared/catalogEntities';
import { parseQuery } from '../shared/parseInput';
import { AuditedRoute, RouteHandler } from './audit/auditedRoute';

const ACTIONS = [
  ['get', 'get'],
  ['put', 'follow'],
  ['delete', 'unfollow'],
] as const satisfies ReadonlyArray<readonly [string, FollowAction]>;

/** Routes to follow incidents, problems and entities, and an incident's audience. */
export function followRoutes(options: {
  httpAuth: HttpAuthService;
  audit: AuditedRoute;
  followers: FollowService;
}) {
  const { httpAuth, audit, followers } = options;
  const router = Router();

  const auditedUnlessRead = (
    action: FollowAction,
    subject: 'incident' | 'problem' | 'entity',
    handler: RouteHandler,
  ) => (action === 'get' ? handler : audit(`${subject}-${action}`, handler));

  for (const [method, action] of ACTIONS) {
    for (const recordType of ['incident', 'problem'] as const) {
      router[method](
        `/${recordType}s/:id/follow`,
        auditedUnlessRead(action, recordType, async (req, res) => {
          const caller = await callerOf(httpAuth, req);
          res.json(
            await followers.record({
              recordType,
              idOrNumber: req.params.id,
              action,
              caller,
            }),
          );
        }),
      );
    }
    router[method](
      '/entity-follows',
      auditedUnlessRead(action, 'entity', async (req, res) => {
        const caller = await callerOf(httpAuth, req);
        const query = parseQuery(entityFollowQuery, req.query);
        res.json(
          await followers.entity({
            entityRef: normaliseEntityRef(query.entityRef, 'entityRef'),
            action,
            caller,
          }),
        );
      }),
    );
  }

  router.get('/incidents/:id/audience', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await followers.audience(req.params.id, caller));
  });

  return router;
}
