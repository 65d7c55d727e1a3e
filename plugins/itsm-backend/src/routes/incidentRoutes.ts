import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { callerOf } from '../shared/caller';
import { normaliseEntityRef } from '../shared/catalogEntities';
import { IncidentService } from '../services/incidents/IncidentService';
import { PostmortemService } from '../services/postmortems/PostmortemService';
import { ProblemService } from '../services/problems/ProblemService';
import { parseInput } from '../shared/parseInput';
import {
  createIncidentBody,
  incidentTransitionBody,
  listIncidentsQuery,
  noteBody,
  postmortemBody,
  timelineQuery,
  updateIncidentBody,
} from '../service/validation/incidentSchemas';
import { problemFromIncidentBody } from '../service/validation/problemSchemas';
import { pageOptions } from '../shared/pageOptions';

/** Routes under `/incidents`. */
export function incidentRoutes(options: {
  httpAuth: HttpAuthService;
  incidents: IncidentService;
  problems: ProblemService;
  postmortems: PostmortemService;
}) {
  const { httpAuth, incidents, problems, postmortems } = options;
  const router = Router();

  router.get('/incidents', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseInput(listIncidentsQuery, req.query, 'query');
    res.json(
      await incidents.list({
        filter: {
          entityRefs: query.entityRef?.map(ref =>
            normaliseEntityRef(ref, 'entityRef'),
          ),
          ownerRefs: query.ownerRef?.map(ref =>
            normaliseEntityRef(ref, 'ownerRef'),
          ),
          statuses: query.status,
          priorities: query.priority,
          assigneeRef:
            query.assigneeRef &&
            normaliseEntityRef(query.assigneeRef, 'assigneeRef'),
          category: query.category,
          problemId: query.problemId,
          text: query.text,
        },
        ...pageOptions(query),
        caller,
      }),
    );
  });

  router.post('/incidents', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(createIncidentBody, req.body, 'body');
    res.status(201).json(await incidents.create(body, caller));
  });

  router.get('/incidents/:id', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await incidents.get(req.params.id, caller));
  });

  router.patch('/incidents/:id', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(updateIncidentBody, req.body, 'body');
    res.json(await incidents.update(req.params.id, body, caller));
  });

  router.post('/incidents/:id/transitions', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(incidentTransitionBody, req.body, 'body');
    res.json(await incidents.transition(req.params.id, body, caller));
  });

  router.get('/incidents/:id/timeline', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseInput(timelineQuery, req.query, 'query');
    const page = await incidents.timeline(
      req.params.id,
      pageOptions(query),
      caller,
    );
    res.json(page);
  });

  router.post('/incidents/:id/notes', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(noteBody, req.body, 'body');
    res.status(201).json(await incidents.addNote(req.params.id, body, caller));
  });

  router.get('/incidents/:id/postmortem', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await postmortems.get(req.params.id, caller));
  });

  router.put('/incidents/:id/postmortem', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(postmortemBody, req.body, 'body');
    res.json(await postmortems.save(req.params.id, body, caller));
  });

  router.post('/incidents/:id/problem', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseInput(problemFromIncidentBody, req.body, 'body');
    res
      .status(201)
      .json(await problems.createFromIncident(req.params.id, body, caller));
  });

  return router;
}
