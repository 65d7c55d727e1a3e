import SwaggerParser from '@apidevtools/swagger-parser';
import {
  ALERT_SOURCES,
  COMPONENT_STATES,
  ACTION_ITEM_KINDS,
  ACTION_ITEM_STATUSES,
  ActionItem,
  DEFAULT_PAGE_LIMIT,
  HOLD_REASONS,
  IMPACTS,
  INCIDENT_RESOLUTION_CODES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  ITSM_RECORD_TYPES,
  Incident,
  LIMITS,
  MAX_PAGE_LIMIT,
  PRIORITIES,
  PROBLEM_RESOLUTION_CODES,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  Page,
  Postmortem,
  Problem,
  RCA_METHODS,
  TIMELINE_EVENT_KINDS,
  TimelineEvent,
  UNROUTED_ALERT_STATUSES,
  URGENCIES,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import {
  analysisQuery,
  changeBody,
  listChangesQuery,
} from '@backstage-itsm/plugin-itsm-common';
import {
  createActionItemBody,
  listActionItemsQuery,
  updateActionItemBody,
} from '@backstage-itsm/plugin-itsm-common';
import {
  assignUnroutedAlertBody,
  countUnroutedAlertsQuery,
  dismissUnroutedAlertBody,
  listUnroutedAlertsQuery,
} from '@backstage-itsm/plugin-itsm-common';
import {
  createIncidentBody,
  incidentTransitionBody,
  listIncidentsQuery,
  noteBody,
  postmortemBody,
  timelineQuery,
  updateIncidentBody,
} from '@backstage-itsm/plugin-itsm-common';
import {
  createProblemBody,
  linkIncidentBody,
  listKnownErrorsQuery,
  listProblemsQuery,
  problemFromIncidentBody,
  problemTransitionBody,
  publishKnownErrorBody,
  updateProblemBody,
} from '@backstage-itsm/plugin-itsm-common';
import {
  affectedEntitiesBody,
  listPostmortemsQuery,
  majorIncidentBody,
  postmortemStatusBody,
} from '@backstage-itsm/plugin-itsm-common';
import {
  entityFollowQuery,
  entitySummaryQuery,
  upstreamIncidentsQuery,
} from '@backstage-itsm/plugin-itsm-common';
import {
  confirmKnownErrorBody,
  possibleDuplicatesQuery,
} from '@backstage-itsm/plugin-itsm-common';
import {
  documentedOperations,
  loadOpenApiDocument,
  validateResponse,
} from './__testUtils__/openApiContract';

type Json = any;

const document: Json = loadOpenApiDocument();
const schemas: Json = document.components.schemas;

/** Every operation in the document, with its path-level parameters merged. */
function operations(): {
  method: string;
  path: string;
  operation: Json;
  parameters: Json[];
}[] {
  const result = [];
  for (const [path, pathItem] of Object.entries<Json>(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const operation = pathItem[method];
      if (operation) {
        const parameters = [
          ...(pathItem.parameters ?? []),
          ...(operation.parameters ?? []),
        ].map(resolveParameter);
        result.push({ method, path, operation, parameters });
      }
    }
  }
  return result;
}

function resolveParameter(parameter: Json): Json {
  const prefix = '#/components/parameters/';
  return parameter.$ref
    ? document.components.parameters[parameter.$ref.slice(prefix.length)]
    : parameter;
}

function operationAt(method: string, path: string): Json {
  const found = operations().find(o => o.method === method && o.path === path);
  if (!found) {
    throw new Error(`${method} ${path} is not documented`);
  }
  return found;
}

function bodySchemaName(method: string, path: string): string | undefined {
  const ref: string | undefined = operationAt(method, path).operation
    .requestBody?.content['application/json'].schema.$ref;
  return ref?.replace('#/components/schemas/', '');
}

/** Whether a zod object rejects unknown keys (zod 3 or zod 4). */
function isStrict(schema: z.ZodTypeAny): boolean {
  const def: Json = schema._def;
  return (
    def.unknownKeys === 'strict' ||
    (def.unknownKeys === undefined && def.catchall?._def?.type === 'never')
  );
}

const NOW = '2026-11-23T14:00:00.000Z';

const newIncident: Incident = {
  id: '6f1c1a2e-3b4d-4c5e-8f60-718293a4b5c6',
  number: 'INC-000042',
  title: 'Checkout fails with 502',
  description: 'Payments API answers 502 to one request in three.',
  entityRef: 'component:default/payments-api',
  ownerRef: 'group:default/payments',
  category: 'availability',
  impact: 1,
  urgency: 2,
  priority: 2,
  major: false,
  declaredAt: null,
  commanderRef: null,
  communicationsLeadRef: null,
  status: 'new',
  holdReason: null,
  assigneeRef: null,
  reporterRef: 'user:default/jane.doe',
  source: 'manual',
  dedupKey: null,
  occurrenceCount: 1,
  workaround: null,
  resolutionCode: null,
  resolutionNotes: null,
  problemId: null,
  duplicateOf: null,
  detectedAt: NOW,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  closedAt: null,
  createdAt: NOW,
  updatedAt: NOW,
  version: 1,
};

const resolvedIncident: Incident = {
  ...newIncident,
  id: '0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b',
  number: 'INC-000043',
  status: 'resolved',
  source: 'events-v2',
  dedupKey: 'payments-502',
  occurrenceCount: 7,
  assigneeRef: 'user:default/john.roe',
  workaround: 'Fail over to the secondary region.',
  resolutionCode: 'workaround',
  resolutionNotes: 'Traffic moved to eu-west-2.',
  problemId: '1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809',
  acknowledgedAt: NOW,
  mitigatedAt: NOW,
  resolvedAt: NOW,
  version: 4,
};

const duplicateIncident: Incident = {
  ...resolvedIncident,
  id: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  number: 'INC-000044',
  resolutionCode: 'duplicate',
  resolutionNotes: 'Duplicate of INC-000042',
  problemId: null,
  duplicateOf: { id: newIncident.id, number: newIncident.number },
};

const incidentPage: Page<Incident> = {
  items: [newIncident, resolvedIncident],
  nextCursor: 'WzE3OTM4MDE2MDAwMDAsImFiYyJd',
};

const problem: Problem = {
  id: '1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809',
  number: 'PRB-000007',
  title: 'Connection pool exhaustion in payments-api',
  statement: 'Checkout 502s when the pool is exhausted.',
  entityRef: 'component:default/payments-db',
  ownerRef: 'group:default/dba',
  affectedEntityRefs: ['component:default/payments-api'],
  category: 'capacity',
  impact: 1,
  urgency: 2,
  priority: 2,
  status: 'root_cause_analysis',
  assigneeRef: null,
  reporterRef: 'user:default/jane.doe',
  rootCause: 'Pool size is 10.',
  rcaMethod: 'five_whys',
  workaround: 'Restart the pods.',
  permanentFix: null,
  knownError: true,
  knownErrorAt: NOW,
  symptoms: '502 on checkout',
  resolutionCode: null,
  resolutionNotes: null,
  duplicateOf: null,
  source: 'from_incident',
  detectionKey: null,
  detectionReason: null,
  incidentCount: 1,
  createdAt: NOW,
  updatedAt: NOW,
  resolvedAt: null,
  closedAt: null,
  version: 3,
};

const actionItem: ActionItem = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  parentType: 'problem',
  parentId: problem.id,
  title: 'Raise the pool size',
  ownerRef: 'group:default/dba',
  dueAt: null,
  status: 'open',
  kind: 'corrective',
  createdAt: NOW,
  updatedAt: NOW,
  completedAt: null,
  version: 1,
};

const postmortem: Postmortem = {
  incidentId: newIncident.id,
  summary: '',
  impact: '## Impact',
  rootCause: '',
  lessonsLearned: '',
  status: 'draft',
  createdAt: NOW,
  updatedAt: NOW,
  version: 1,
};

const note: TimelineEvent = {
  id: '1234',
  recordType: 'incident',
  recordId: newIncident.id,
  kind: 'status_update',
  field: null,
  oldValue: null,
  newValue: null,
  body: 'Mitigated; monitoring.',
  actorRef: 'user:default/jane.doe',
  createdAt: NOW,
};

describe('openapi.yaml', () => {
  it('is a valid OpenAPI 3.0 document', async () => {
    await expect(
      SwaggerParser.validate(loadOpenApiDocument() as Json),
    ).resolves.toBeDefined();
    expect(document.openapi).toBe('3.0.3');
    expect(document.info).toMatchObject({
      title: 'Backstage ITSM',
      version: '0.1.0',
    });
    expect(document.servers).toEqual([{ url: '/api/itsm' }]);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
  });

  it('documents exactly the routes of the API', () => {
    expect(
      documentedOperations()
        .map(o => `${o.method} ${o.path}`)
        .sort(),
    ).toEqual(
      [
        'GET /health',
        'GET /ping',
        'GET /incidents',
        'POST /incidents',
        'GET /incidents/possible-duplicates',
        'GET /incidents/{id}/duplicates',
        'GET /incidents/{id}/known-errors',
        'POST /incidents/{id}/known-error',
        'GET /incidents/{id}',
        'PATCH /incidents/{id}',
        'POST /incidents/{id}/transitions',
        'GET /incidents/{id}/timeline',
        'GET /incidents/{id}/follow',
        'PUT /incidents/{id}/follow',
        'DELETE /incidents/{id}/follow',
        'GET /incidents/{id}/audience',
        'GET /problems/{id}/follow',
        'PUT /problems/{id}/follow',
        'DELETE /problems/{id}/follow',
        'GET /entity-follows',
        'PUT /entity-follows',
        'DELETE /entity-follows',
        'POST /incidents/{id}/notes',
        'GET /incidents/{id}/postmortem',
        'PUT /incidents/{id}/postmortem',
        'POST /incidents/{id}/problem',
        'PUT /incidents/{id}/major-incident',
        'GET /incidents/{id}/affected-entities',
        'PUT /incidents/{id}/affected-entities',
        'POST /incidents/{id}/postmortem/status',
        'GET /postmortems',
        'GET /problems',
        'POST /problems',
        'GET /problems/{id}',
        'PATCH /problems/{id}',
        'POST /problems/{id}/transitions',
        'POST /problems/{id}/known-error',
        'GET /problems/{id}/timeline',
        'POST /problems/{id}/notes',
        'POST /problems/{id}/incidents/{incidentId}',
        'DELETE /problems/{id}/incidents/{incidentId}',
        'GET /known-errors',
        'GET /search-documents',
        'GET /action-items',
        'POST /action-items',
        'PATCH /action-items/{id}',
        'GET /entity-summary',
        'GET /entities/upstream-incidents',
        'GET /status',
        'GET /analysis',
        'POST /alerts/alertmanager',
        'POST /alerts/pagerduty/v2/enqueue',
        'POST /alerts/pagerduty/v2/change/enqueue',
        'POST /changes',
        'GET /changes',
        'GET /dora',
        'GET /incidents/{id}/changes',
        'GET /problems/{id}/changes',
        'GET /alerts/unrouted',
        'GET /alerts/unrouted/count',
        'POST /alerts/unrouted/{id}/assign',
        'POST /alerts/unrouted/{id}/dismiss',
      ].sort(),
    );
  });

  /** Names of the operations matching a predicate, such as `GET /health`. */
  function namesWhere(
    predicate: (o: ReturnType<typeof operations>[number]) => boolean,
  ): string[] {
    return operations()
      .filter(predicate)
      .map(o => `${o.method.toUpperCase()} ${o.path}`);
  }

  it('needs a token everywhere except /health', () => {
    expect(namesWhere(o => o.operation.security !== undefined)).toEqual([
      'GET /health',
    ]);
    expect(document.paths['/health'].get.security).toEqual([]);
    expect(namesWhere(o => !('401' in o.operation.responses))).toEqual([
      'GET /health',
    ]);
    // The status page and the ping need no permission: every signed-in
    // user reads them.
    expect(namesWhere(o => !('403' in o.operation.responses))).toEqual([
      'GET /health',
      'GET /ping',
      'GET /status',
    ]);
  });

  it('documents 400 where an operation takes input, and only there', () => {
    const takesInput = (o: ReturnType<typeof operations>[number]) =>
      o.operation.requestBody !== undefined ||
      o.parameters.some((p: Json) => p.in === 'query');
    expect(
      namesWhere(o => takesInput(o) !== '400' in o.operation.responses),
    ).toEqual([]);
    // Sanity check of the predicate itself.
    expect(namesWhere(o => !takesInput(o))).toEqual([
      'GET /health',
      'GET /ping',
      'GET /incidents/{id}/duplicates',
      'GET /incidents/{id}/known-errors',
      'GET /incidents/{id}',
      'GET /incidents/{id}/postmortem',
      'GET /incidents/{id}/affected-entities',
      'GET /incidents/{id}/follow',
      'PUT /incidents/{id}/follow',
      'DELETE /incidents/{id}/follow',
      'GET /incidents/{id}/audience',
      'GET /problems/{id}',
      'DELETE /problems/{id}/incidents/{incidentId}',
      'GET /problems/{id}/follow',
      'PUT /problems/{id}/follow',
      'DELETE /problems/{id}/follow',
      'GET /status',
      'GET /incidents/{id}/changes',
      'GET /problems/{id}/changes',
    ]);
  });

  it('documents 404 for every record addressed by id', () => {
    expect(
      namesWhere(
        o => o.path.includes('{') && !('404' in o.operation.responses),
      ),
    ).toEqual([]);
  });

  it('documents 409 and says so wherever a body carries a version', () => {
    const carriesVersion = (o: ReturnType<typeof operations>[number]) => {
      const name = bodySchemaName(o.method, o.path);
      // The record's optimistic-locking version, not a payload format version.
      return (
        name !== undefined &&
        schemas[name].properties.version?.$ref ===
          '#/components/schemas/Version'
      );
    };
    expect(namesWhere(carriesVersion)).toEqual([
      'POST /incidents/{id}/known-error',
      'PATCH /incidents/{id}',
      'POST /incidents/{id}/transitions',
      'PUT /incidents/{id}/postmortem',
      'PUT /incidents/{id}/major-incident',
      'PUT /incidents/{id}/affected-entities',
      'POST /incidents/{id}/postmortem/status',
      'PATCH /problems/{id}',
      'POST /problems/{id}/transitions',
      'POST /problems/{id}/known-error',
      'PATCH /action-items/{id}',
    ]);
    expect(
      namesWhere(
        o =>
          carriesVersion(o) &&
          !(
            '409' in o.operation.responses &&
            /409/.test(o.operation.description)
          ),
      ),
    ).toEqual([]);
  });

  it('shares the error responses and the Error schema', () => {
    const inlineErrors = operations().flatMap(o =>
      Object.entries<Json>(o.operation.responses)
        .filter(([status, response]) => Number(status) >= 400 && !response.$ref)
        .map(([status]) => `${o.method} ${o.path} ${status}`),
    );
    expect(inlineErrors).toEqual([]);
    for (const response of Object.values<Json>(document.components.responses)) {
      expect(response.content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/Error',
      });
    }
  });

  it('uses the enumerations and limits of itsm-common', () => {
    const nullableEnum = (values: readonly unknown[]) => [...values, null];
    expect(schemas.Impact.enum).toEqual([...IMPACTS]);
    expect(schemas.Urgency.enum).toEqual([...URGENCIES]);
    expect(schemas.Priority.enum).toEqual([...PRIORITIES]);
    expect(schemas.ComponentState.enum).toEqual([...COMPONENT_STATES]);
    expect(schemas.RecordType.enum).toEqual([...ITSM_RECORD_TYPES]);
    expect(schemas.IncidentStatus.enum).toEqual([...INCIDENT_STATUSES]);
    expect(schemas.HoldReason.enum).toEqual([...HOLD_REASONS]);
    expect(schemas.IncidentResolutionCode.enum).toEqual([
      ...INCIDENT_RESOLUTION_CODES,
    ]);
    expect(schemas.IncidentSource.enum).toEqual([...INCIDENT_SOURCES]);
    expect(schemas.ProblemStatus.enum).toEqual([...PROBLEM_STATUSES]);
    expect(schemas.RcaMethod.enum).toEqual([...RCA_METHODS]);
    expect(schemas.ProblemResolutionCode.enum).toEqual([
      ...PROBLEM_RESOLUTION_CODES,
    ]);
    expect(schemas.ProblemSource.enum).toEqual([...PROBLEM_SOURCES]);
    expect(schemas.ActionItemStatus.enum).toEqual([...ACTION_ITEM_STATUSES]);
    expect(schemas.ActionItemKind.enum).toEqual([...ACTION_ITEM_KINDS]);
    expect(schemas.TimelineEventKind.enum).toEqual([...TIMELINE_EVENT_KINDS]);
    expect(schemas.AlertSource.enum).toEqual([...ALERT_SOURCES]);
    expect(schemas.UnroutedAlertStatus.enum).toEqual([
      ...UNROUTED_ALERT_STATUSES,
    ]);
    expect(schemas.Incident.properties.holdReason.enum).toEqual(
      nullableEnum(HOLD_REASONS),
    );
    expect(schemas.Incident.properties.resolutionCode.enum).toEqual(
      nullableEnum(INCIDENT_RESOLUTION_CODES),
    );
    expect(schemas.Problem.properties.rcaMethod.enum).toEqual(
      nullableEnum(RCA_METHODS),
    );
    expect(schemas.UpdateProblemRequest.properties.rcaMethod.enum).toEqual(
      nullableEnum(RCA_METHODS),
    );
    expect(schemas.Problem.properties.resolutionCode.enum).toEqual(
      nullableEnum(PROBLEM_RESOLUTION_CODES),
    );

    const limit = document.components.parameters.LimitQuery.schema;
    expect(limit).toMatchObject({
      minimum: 1,
      maximum: MAX_PAGE_LIMIT,
      default: DEFAULT_PAGE_LIMIT,
    });
    expect(document.components.parameters.TextQuery.schema.maxLength).toBe(
      LIMITS.search,
    );
    expect(schemas.EntityRef.maxLength).toBe(LIMITS.entityRef);
    expect(schemas.Category.maxLength).toBe(LIMITS.category);
    expect(schemas.CreateIncidentRequest.properties.title.maxLength).toBe(
      LIMITS.title,
    );
    expect(schemas.CreateIncidentRequest.properties.description.maxLength).toBe(
      LIMITS.description,
    );
    expect(schemas.NoteRequest.properties.body.maxLength).toBe(LIMITS.note);
    expect(
      schemas.DismissUnroutedAlertRequest.properties.reason.maxLength,
    ).toBe(LIMITS.short);
    expect(schemas.PostmortemRequest.properties.summary.maxLength).toBe(
      LIMITS.markdown,
    );
    expect(
      schemas.CreateProblemRequest.properties.affectedEntityRefs.maxItems,
    ).toBe(LIMITS.affectedEntityRefs);
  });

  describe('matches the request validation', () => {
    const bodies: [string, string, z.ZodObject<any>][] = [
      ['post', '/incidents', createIncidentBody],
      ['patch', '/incidents/{id}', updateIncidentBody],
      ['post', '/incidents/{id}/transitions', incidentTransitionBody],
      ['post', '/incidents/{id}/notes', noteBody],
      ['post', '/incidents/{id}/known-error', confirmKnownErrorBody],
      ['put', '/incidents/{id}/postmortem', postmortemBody],
      ['post', '/incidents/{id}/problem', problemFromIncidentBody],
      ['put', '/incidents/{id}/major-incident', majorIncidentBody],
      ['put', '/incidents/{id}/affected-entities', affectedEntitiesBody],
      ['post', '/incidents/{id}/postmortem/status', postmortemStatusBody],
      ['post', '/problems', createProblemBody],
      ['patch', '/problems/{id}', updateProblemBody],
      ['post', '/problems/{id}/transitions', problemTransitionBody],
      ['post', '/problems/{id}/known-error', publishKnownErrorBody],
      ['post', '/problems/{id}/notes', noteBody],
      ['post', '/problems/{id}/incidents/{incidentId}', linkIncidentBody],
      ['post', '/action-items', createActionItemBody],
      ['patch', '/action-items/{id}', updateActionItemBody],
      ['post', '/alerts/unrouted/{id}/assign', assignUnroutedAlertBody],
      ['post', '/alerts/unrouted/{id}/dismiss', dismissUnroutedAlertBody],
      ['post', '/changes', changeBody],
    ];

    it.each(bodies)('%s %s body', (method, path, zodSchema) => {
      const name = bodySchemaName(method, path);
      expect(name).toBeDefined();
      const schema = schemas[name!];
      const shape: Record<string, z.ZodTypeAny> = zodSchema.shape;

      expect(Object.keys(schema.properties).sort()).toEqual(
        Object.keys(shape).sort(),
      );
      expect([...(schema.required ?? [])].sort()).toEqual(
        Object.keys(shape)
          .filter(key => !shape[key].isOptional())
          .sort(),
      );
      const nullable = (key: string) =>
        schema.properties[key].nullable === true;
      for (const key of Object.keys(shape)) {
        expect({ key, nullable: nullable(key) }).toEqual({
          key,
          nullable: shape[key].isNullable(),
        });
      }
      // `.strict()` rejects unknown fields.
      expect(isStrict(zodSchema)).toBe(true);
      expect(schema.additionalProperties).toBe(false);
      // Bodies with only optional fields may be left out.
      expect(operationAt(method, path).operation.requestBody.required).toBe(
        (schema.required ?? []).length > 0,
      );
    });

    const queries: [string, z.ZodObject<any>][] = [
      ['/incidents', listIncidentsQuery],
      ['/incidents/possible-duplicates', possibleDuplicatesQuery],
      ['/incidents/{id}/timeline', timelineQuery],
      ['/problems', listProblemsQuery],
      ['/problems/{id}/timeline', timelineQuery],
      ['/known-errors', listKnownErrorsQuery],
      ['/action-items', listActionItemsQuery],
      ['/entity-summary', entitySummaryQuery],
      ['/entity-follows', entityFollowQuery],
      ['/entities/upstream-incidents', upstreamIncidentsQuery],
      ['/analysis', analysisQuery],
      ['/alerts/unrouted', listUnroutedAlertsQuery],
      ['/alerts/unrouted/count', countUnroutedAlertsQuery],
      ['/changes', listChangesQuery],
      ['/dora', analysisQuery],
      ['/postmortems', listPostmortemsQuery],
    ];

    it.each(queries)('GET %s query', (path, zodSchema) => {
      const names = operationAt('get', path)
        .parameters.filter((p: Json) => p.in === 'query')
        .map((p: Json) => p.name);
      expect(names.sort()).toEqual(Object.keys(zodSchema.shape).sort());
    });
  });
});

describe('validateResponse', () => {
  it('accepts a valid incident page', () => {
    expect(
      validateResponse({
        method: 'GET',
        path: '/incidents?status=new,in_progress&limit=2',
        status: 200,
        body: incidentPage,
      }),
    ).toEqual([]);
    expect(
      validateResponse({
        method: 'get',
        path: '/api/itsm/incidents',
        status: 200,
        body: { items: [], nextCursor: null },
      }),
    ).toEqual([]);
  });

  it('accepts the other documented shapes', () => {
    const cases: [string, string, number, unknown][] = [
      [
        'GET',
        '/health',
        200,
        { status: 'ok', migrations: { applied: ['a.js'], pending: [] } },
      ],
      ['GET', '/incidents/INC-000042', 200, newIncident],
      ['POST', '/incidents', 201, resolvedIncident],
      ['POST', `/incidents/${newIncident.id}/notes`, 201, note],
      [
        'GET',
        '/incidents/INC-000042/timeline',
        200,
        { items: [note], nextCursor: null },
      ],
      ['PUT', '/incidents/INC-000042/postmortem', 200, postmortem],
      [
        'GET',
        '/incidents/possible-duplicates?entityRef=component:default/payments-api&text=502',
        200,
        {
          items: [
            {
              incident: newIncident,
              via: 'dependency',
              path: [
                'component:default/checkout-api',
                'component:default/payments-api',
              ],
              matchedWords: 1,
            },
          ],
        },
      ],
      [
        'GET',
        '/incidents/INC-000042/duplicates',
        200,
        { items: [duplicateIncident] },
      ],
      [
        'GET',
        '/incidents/INC-000042/known-errors',
        200,
        {
          items: [
            {
              problem,
              via: 'entity',
              path: ['component:default/payments-api'],
              matchedWords: 0,
            },
          ],
        },
      ],
      [
        'POST',
        '/incidents/INC-000044/known-error',
        200,
        { ...resolvedIncident, duplicateOf: null },
      ],
      ['POST', '/incidents/INC-000042/problem', 201, problem],
      ['GET', '/problems/PRB-000007', 200, problem],
      ['POST', '/problems/PRB-000007/incidents/INC-000042', 200, problem],
      ['DELETE', '/problems/PRB-000007/incidents/INC-000042', 200, problem],
      [
        'GET',
        '/known-errors?entityRef=component:default/payments-api',
        200,
        { items: [problem], nextCursor: null },
      ],
      [
        'GET',
        '/action-items?overdue=true',
        200,
        { items: [actionItem], nextCursor: null },
      ],
      [
        'PATCH',
        `/action-items/${actionItem.id}`,
        200,
        { ...actionItem, status: 'done', completedAt: NOW },
      ],
    ];
    for (const [method, path, status, body] of cases) {
      expect({
        method,
        path,
        errors: validateResponse({ method, path, status, body }),
      }).toEqual({ method, path, errors: [] });
    }
  });

  it('rejects an incident with a missing field', () => {
    const { reporterRef: _, ...incomplete } = newIncident;
    const errors = validateResponse({
      method: 'GET',
      path: '/incidents',
      status: 200,
      body: { items: [incomplete], nextCursor: null },
    });
    expect(errors).toEqual([
      "GET /incidents 200: body/items/0 must have required property 'reporterRef'",
    ]);
  });

  it('rejects a bad enum value', () => {
    const errors = validateResponse({
      method: 'GET',
      path: '/incidents',
      status: 200,
      body: { ...incidentPage, items: [{ ...newIncident, status: 'open' }] },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^GET \/incidents 200: body\/items\/0\/status must be equal to one of the allowed values: "new", "in_progress"/,
    );
  });

  it('rejects wrong types, bad formats, undocumented fields and null where not nullable', () => {
    const errors = validateResponse({
      method: 'GET',
      path: '/incidents/INC-000042',
      status: 200,
      body: {
        ...newIncident,
        createdAt: '23/11/2026',
        priority: 6,
        title: null,
        surprise: true,
      },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'GET /incidents/{id} 200: body must NOT have additional properties: surprise',
        'GET /incidents/{id} 200: body/createdAt must match format "date-time"',
        'GET /incidents/{id} 200: body/title must be string',
        expect.stringMatching(/body\/priority must be equal to one of/),
      ]),
    );
  });

  it('validates error bodies', () => {
    const body = {
      error: { name: 'NotFoundError', message: 'No incident INC-000099' },
      request: { method: 'GET', url: '/api/itsm/incidents/INC-000099' },
      response: { statusCode: 404 },
    };
    expect(
      validateResponse({
        method: 'GET',
        path: '/incidents/INC-000099',
        status: 404,
        body,
      }),
    ).toEqual([]);
    expect(
      validateResponse({
        method: 'PATCH',
        path: '/incidents/INC-000099',
        status: 409,
        body: { error: { name: 'ConflictError' }, response: {} },
      }),
    ).toEqual([
      "PATCH /incidents/{id} 409: body/error must have required property 'message'",
      "PATCH /incidents/{id} 409: body/response must have required property 'statusCode'",
    ]);
  });

  it('reports unknown routes and undocumented statuses', () => {
    expect(
      validateResponse({
        method: 'GET',
        path: '/deployments',
        status: 200,
        body: {},
      }),
    ).toEqual(['No documented operation for GET /deployments']);
    expect(
      validateResponse({
        method: 'DELETE',
        path: '/incidents/INC-000042',
        status: 200,
        body: {},
      }),
    ).toEqual(['No documented operation for DELETE /incidents/INC-000042']);
    expect(
      validateResponse({
        method: 'GET',
        path: '/health',
        status: 401,
        body: {},
      }),
    ).toEqual(['GET /health does not document status 401 (documented: 200)']);
  });
});
