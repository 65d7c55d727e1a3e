import {
  listIncidentsQuery,
  listKnownErrorsQuery,
  listProblemsQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { Caller } from './caller';
import { normaliseEntityRef } from './catalogEntities';
import { listPageOptions } from './pageOptions';

function normaliseAll(refs: string[] | undefined, field: string) {
  return refs?.map(ref => normaliseEntityRef(ref, field));
}

/** The incident list a validated query asks for, as the service takes it. */
export function incidentListRequest(
  query: z.infer<typeof listIncidentsQuery>,
  caller: Caller,
) {
  return {
    filter: {
      entityRefs: normaliseAll(query.entityRef, 'entityRef'),
      affectingEntityRefs: normaliseAll(
        query.affectingEntityRef,
        'affectingEntityRef',
      ),
      ownerRefs: normaliseAll(query.ownerRef, 'ownerRef'),
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
  };
}

/** The problem list a validated query asks for, as the service takes it. */
export function problemListRequest(
  query: z.infer<typeof listProblemsQuery>,
  caller: Caller,
) {
  return {
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
    scope: { systemRef: query.systemRef, groupRef: query.groupRef },
    assignee: query.assignee,
    ...listPageOptions(query),
    caller,
  };
}

/** The known error search a validated query asks for, as the service takes it. */
export function knownErrorListRequest(
  query: z.infer<typeof listKnownErrorsQuery>,
  caller: Caller,
) {
  return {
    entityRefs: normaliseAll(query.entityRef, 'entityRef'),
    text: query.text,
    ...listPageOptions(query),
    caller,
  };
}
