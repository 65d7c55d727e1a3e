import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { callerOf } from '../shared/caller';
import { normaliseEntityRef } from '../shared/catalogEntities';
import { IncidentService } from '../services/incidents/IncidentService';
import { PostmortemService } from '../services/postmortems/PostmortemService';
import { ProblemFromIncidentService } from '../services/problems/ProblemFromIncidentService';
import { parseBody, parseQuery } from '../shared/parseInput';
import {
  createIncidentBody,
  incidentTransitionBody,
  listIncidentsQuery,
  postmortemBody,
  updateIncidentBody,
} from '@backstage-itsm/plugin-itsm-common';
import { problemFromIncidentBody } from '@backstage-itsm/plugin-itsm-common';
import { listPageOptions } from '../shared/pageOptions';
import { recordRoutes } from './recordRoutes';

/** Routes under `/incidents`. */
export function incidentRoutes(options: {
  httpAuth: HttpAuthService;
  incidents: IncidentService;
  postmortems: PostmortemService;
  problemsFromIncidents: ProblemFromIncidentService;
}) {
  const { httpAuth, incidents, postmortems, problemsFromIncidents } = options;
  const router = Router();
  router.use(
    recordRoutes({
      httpAuth,
      path: '/incidents',
      schemas: {
        create: createIncidentBody,
        update: updateIncidentBody,
        transition: incidentTransitionBody,
      },
      records: incidents,
    }),
  );

  router.get('/incidents', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(listIncidentsQuery, req.query);
    res.json(
      await incidents.list({
        filter: {
          entityRefs: query.entityRef?.map(ref =>
            normaliseEntityRef(ref, 'entityRef'),
          ),
          affectingEntityRefs: query.affectingEntityRef?.map(ref =>
            normaliseEntityRef(ref, 'affectingEntityRef'),
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
          sources: query.source?.flatMap(source =>
            source === 'alert' ? ['alertmanager', 'events-v2'] : [source],
          ),
          text: query.text,
        },
        scope: { systemRef: query.systemRef, groupRef: query.groupRef },
        assignee: query.assignee,
        ...listPageOptions(query),
        caller,
      }),
    );
  });

  router.get('/incidents/:id/postmortem', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    res.json(await postmortems.get(req.params.id, caller));
  });

  router.put('/incidents/:id/postmortem', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseBody(postmortemBody, req.body);
    res.json(
      await postmortems.save({
        incidentIdOrNumber: req.params.id,
        input: body,
        caller,
      }),
    );
  });

  router.post('/incidents/:id/problem', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const body = parseBody(problemFromIncidentBody, req.body);
    res.status(201).json(
      await problemsFromIncidents.create({
        incidentIdOrNumber: req.params.id,
        input: body,
        caller,
      }),
    );
  });

  return router;
}
