import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { ActionItemService } from '../services/actionItems/ActionItemService';
import { callerOf } from '../shared/caller';
import { normaliseEntityRef } from '../shared/catalogEntities';
import { parseBody, parseQuery } from '../shared/parseInput';
import {
  createActionItemBody,
  listActionItemsQuery,
  updateActionItemBody,
} from '@backstage-itsm/plugin-itsm-common';
import { pageOptions } from '../shared/pageOptions';
import { AuditedRoute } from './audit/auditedRoute';

/** Routes under `/action-items`. */
export function actionItemRoutes(options: {
  httpAuth: HttpAuthService;
  audit: AuditedRoute;
  actionItems: ActionItemService;
}) {
  const { httpAuth, audit, actionItems } = options;
  const router = Router();

  router.get('/action-items', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(listActionItemsQuery, req.query);
    res.json(
      await actionItems.list({
        parentType: query.parentType,
        parentId: query.parentId,
        ownerRef:
          query.ownerRef && normaliseEntityRef(query.ownerRef, 'ownerRef'),
        status: query.status,
        overdue:
          query.overdue === undefined ? undefined : query.overdue === 'true',
        ...pageOptions(query),
        caller,
      }),
    );
  });

  router.post(
    '/action-items',
    audit('action-item-create', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(createActionItemBody, req.body);
      res.status(201).json(await actionItems.create(body, caller));
    }),
  );

  router.patch(
    '/action-items/:id',
    audit('action-item-update', async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(updateActionItemBody, req.body);
      res.json(
        await actionItems.update({ id: req.params.id, input: body, caller }),
      );
    }),
  );

  return router;
}
