import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { callerOf } from '../shared/caller';
import { normaliseEntityRef } from '../shared/catalogEntities';
import { ProblemService } from '../services/problems/ProblemService';
import { parseInput } from '../shared/parseInput';
import { noteBody, timelineQuery } from '../service/validation/incidentSchemas';
import {
  createProblemBody,
  linkIncidentBody,
  listKnownErrorsQuery,
  listProblemsQuery,
  problemTransitionBody,
  publishKnownErrorBody,
  updateProblemBody,
} from '../service/validation/problemSchemas';
import { pageOptions } from '../shared/pageOptions';

function normaliseAll(refs: string[] | undefined, field: string) {
  return refs?.map(ref => normaliseEntityRef(ref, field));
}

/** Routes under `/problems` and `/known-errors`. */
export function problemRoutes(options: {
  httpAuth: HttpAuthService;
  problems: ProblemService;
}) {
  const { httpAuth, problems } = options;
  const router = Router();

  router.get('/problems', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseInput(listProblemsQuery, req.query, 'query');
    res.json(
      await problems.list({
        filter: {
          entityRefs: normaliseAll(query.entityRef, 'entityRef'),
          affectedEntityRefs: normaliseAll(
            query.affectedEntityRef,
            'affectedEntityRef',
          ),
          statuses: query.status,
          priorities: query.priority,
          assigneeRef:
            query.assigneeRef &&
            normaliseEntityRef(query.assigneeRef, 'assigneeRef'),
          category: query.category,
          knownError:
            query.knownError === undefined
              ? undefined
              : query.knownError === 'true',
          source: query.source,
          text: query.text,
        },
        ...pageOptions(query),
        caller,
      }),
    );
  });

  router.get('/known-errors', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseInput(listKnownErrorsQuery, req.query, 'query');
    res.json(
      await problems.listKnownErrors({
        entityRefs: normaliseAll(query.entityRef, 'entityRef'),
        text: query.text,
        ...pageOptions(query),
        caller,
      }),
    );
  });

  router.post('/problems', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(createProblemBody, req.body, 'body');
    res.status(201).json(await problems.create(body, caller));
  });

  router.get('/problems/:id', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await problems.get(req.params.id, caller));
  });

  router.patch('/problems/:id', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(updateProblemBody, req.body, 'body');
    res.json(await problems.update(req.params.id, body, caller));
  });

  router.post('/problems/:id/transitions', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(problemTransitionBody, req.body, 'body');
    res.json(await problems.transition(req.params.id, body, caller));
  });

  router.post('/problems/:id/known-error', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(publishKnownErrorBody, req.body, 'body');
    res.json(await problems.publishKnownError(req.params.id, body, caller));
  });

  router.get('/problems/:id/timeline', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseInput(timelineQuery, req.query, 'query');
    res.json(
      await problems.timeline(req.params.id, pageOptions(query), caller),
    );
  });

  router.post('/problems/:id/notes', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(noteBody, req.body, 'body');
    res.status(201).json(await problems.addNote(req.params.id, body, caller));
  });

  router.post('/problems/:id/incidents/:incidentId', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(linkIncidentBody, req.body, 'body');
    res.json(
      await problems.linkIncident(
        req.params.id,
        req.params.incidentId,
        body,
        caller,
      ),
    );
  });

  router.delete('/problems/:id/incidents/:incidentId', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(
      await problems.unlinkIncident(
        req.params.id,
        req.params.incidentId,
        caller,
      ),
    );
  });

  return router;
}
