import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  Incident,
  ItsmRecordType,
  Problem,
} from '@backstage-itsm/plugin-itsm-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { Caller, callerOf } from '../shared/caller';
import { pageOptions } from '../shared/pageOptions';
import { parseBody, parseQuery } from '../shared/parseInput';
import { RecordService } from '../shared/recordService';
import { noteBody, timelineQuery } from '@backstage-itsm/plugin-itsm-common';
import { AuditedRoute } from './audit/auditedRoute';

/** The change requests of one kind of record and the schemas they are read with. */
interface RecordRequests<
  TCreate extends z.ZodTypeAny,
  TUpdate extends z.ZodTypeAny,
  TTransition extends z.ZodTypeAny,
> {
  create: TCreate;
  update: TUpdate;
  transition: TTransition;
}

/**
 * The routes incidents and problems answer alike under their path: create,
 * read, edit, move through the lifecycle, the timeline and notes.
 */
export function recordRoutes<
  TCreate extends z.ZodTypeAny,
  TUpdate extends z.ZodTypeAny,
  TTransition extends z.ZodTypeAny,
>(options: {
  httpAuth: HttpAuthService;
  audit: AuditedRoute;
  path: '/incidents' | '/problems';
  schemas: RecordRequests<TCreate, TUpdate, TTransition>;
  records: Pick<
    RecordService<ItsmRecordType, Incident | Problem, never>,
    'get' | 'timeline' | 'addNote'
  > & {
    create(input: z.infer<TCreate>, caller: Caller): Promise<unknown>;
    update(options: {
      idOrNumber: string;
      input: z.infer<TUpdate>;
      caller: Caller;
    }): Promise<unknown>;
    transition(options: {
      idOrNumber: string;
      input: z.infer<TTransition>;
      caller: Caller;
    }): Promise<unknown>;
  };
}) {
  const { httpAuth, audit, path, schemas, records } = options;
  const kind = path === '/incidents' ? 'incident' : 'problem';
  const router = Router();

  router.post(
    path,
    audit(`${kind}-create`, async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(schemas.create, req.body);
      res.status(201).json(await records.create(body, caller));
    }),
  );

  router.get(`${path}/:id`, async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await records.get(req.params.id, caller));
  });

  router.patch(
    `${path}/:id`,
    audit(`${kind}-update`, async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(schemas.update, req.body);
      res.json(
        await records.update({
          idOrNumber: req.params.id,
          input: body,
          caller,
        }),
      );
    }),
  );

  router.post(
    `${path}/:id/transitions`,
    audit(`${kind}-transition`, async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(schemas.transition, req.body);
      res.json(
        await records.transition({
          idOrNumber: req.params.id,
          input: body,
          caller,
        }),
      );
    }),
  );

  router.get(`${path}/:id/timeline`, async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(timelineQuery, req.query);
    res.json(
      await records.timeline({
        idOrNumber: req.params.id,
        ...pageOptions(query, 'sequence'),
        caller,
      }),
    );
  });

  router.post(
    `${path}/:id/notes`,
    audit(`${kind}-note`, async (req, res) => {
      const caller = await callerOf(httpAuth, req);
      const body = parseBody(noteBody, req.body);
      res.status(201).json(
        await records.addNote({
          idOrNumber: req.params.id,
          input: body,
          caller,
        }),
      );
    }),
  );

  return router;
}
