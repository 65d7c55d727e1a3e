import {
  DoraFigures,
  IncidentChanges,
  ProblemChanges,
} from '@backstage-itsm/plugin-itsm-common';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AffectedEntities,
  AffectedEntitiesRequest,
  ListPostmortemsRequest,
  MajorIncidentRequest,
  PostmortemListItem,
  PostmortemStatusRequest,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ActionItem,
  ActionItemParent,
  AnalysisQuery,
  CreateActionItemRequest,
  CreateIncidentRequest,
  CreateProblemRequest,
  DismissUnroutedAlertRequest,
  EntityItsmSummary,
  Incident,
  KnownErrorListQuery,
  LinkIncidentRequest,
  NoteRequest,
  Page,
  Postmortem,
  PostmortemRequest,
  Problem,
  ProblemFromIncidentRequest,
  ProblemTransitionRequest,
  PublishKnownErrorRequest,
  ReliabilityAnalysis,
  TimelineEvent,
  TimelineQuery,
  UnroutedAlert,
  UnroutedAlertAssignment,
  UnroutedAlertCount,
  UnroutedAlertCountQuery,
  UnroutedAlertListQuery,
  UpdateActionItemRequest,
  UpdateProblemRequest,
} from '@backstage-itsm/plugin-itsm-common';
import {
  StatusPage,
  UpstreamIncidents,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmApi } from './ItsmApi';
import {
  EditIncidentRequest,
  IncidentKnownError,
  IncidentQueueQuery,
  PossibleDuplicate,
  ProblemQueueQuery,
  TriageTransitionRequest,
} from './triageTypes';
import { ItsmAudience, ItsmFollowState, ItsmFollowTarget } from './liveTypes';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Talks to the ITSM backend over HTTP.
 *
 * @public
 */
export class ItsmClient implements ItsmApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listIncidents(query: IncidentQueueQuery): Promise<Page<Incident>> {
    return this.call('GET', `/incidents?${toSearchParams(query)}`);
  }

  getIncident(id: string): Promise<Incident> {
    return this.call('GET', `/incidents/${encode(id)}`);
  }

  createIncident(incident: CreateIncidentRequest): Promise<Incident> {
    return this.call('POST', '/incidents', incident);
  }

  updateIncident(id: string, changes: EditIncidentRequest): Promise<Incident> {
    return this.call('PATCH', `/incidents/${encode(id)}`, changes);
  }

  transitionIncident(
    id: string,
    move: TriageTransitionRequest,
  ): Promise<Incident> {
    return this.call('POST', `/incidents/${encode(id)}/transitions`, move);
  }

  listIncidentTimeline(
    id: string,
    page: TimelineQuery = {},
  ): Promise<Page<TimelineEvent>> {
    const query = toSearchParams({ limit: 100, ...page });
    return this.call('GET', `/incidents/${encode(id)}/timeline?${query}`);
  }

  addIncidentNote(id: string, note: NoteRequest): Promise<TimelineEvent> {
    return this.call('POST', `/incidents/${encode(id)}/notes`, note);
  }

  async getPostmortem(incidentId: string): Promise<Postmortem | undefined> {
    try {
      return await this.call(
        'GET',
        `/incidents/${encode(incidentId)}/postmortem`,
      );
    } catch (error) {
      if (error instanceof ResponseError && error.statusCode === 404) {
        return undefined;
      }
      throw error;
    }
  }

  savePostmortem(
    incidentId: string,
    draft: PostmortemRequest,
  ): Promise<Postmortem> {
    return this.call(
      'PUT',
      `/incidents/${encode(incidentId)}/postmortem`,
      draft,
    );
  }

  createProblemFromIncident(
    incidentId: string,
    options: ProblemFromIncidentRequest,
  ): Promise<Problem> {
    return this.call(
      'POST',
      `/incidents/${encode(incidentId)}/problem`,
      options,
    );
  }

  declareMajorIncident(
    incidentId: string,
    declaration: MajorIncidentRequest,
  ): Promise<Incident> {
    return this.call(
      'PUT',
      `/incidents/${encode(incidentId)}/major-incident`,
      declaration,
    );
  }

  getAffectedEntities(incidentId: string): Promise<AffectedEntities> {
    return this.call(
      'GET',
      `/incidents/${encode(incidentId)}/affected-entities`,
    );
  }

  setAffectedEntities(
    incidentId: string,
    request: AffectedEntitiesRequest,
  ): Promise<Incident> {
    return this.call(
      'PUT',
      `/incidents/${encode(incidentId)}/affected-entities`,
      request,
    );
  }

  movePostmortemStatus(
    incidentId: string,
    move: PostmortemStatusRequest,
  ): Promise<Postmortem> {
    return this.call(
      'POST',
      `/incidents/${encode(incidentId)}/postmortem/status`,
      move,
    );
  }

  listPostmortems(
    query: ListPostmortemsRequest,
  ): Promise<Page<PostmortemListItem>> {
    return this.call('GET', `/postmortems?${toSearchParams(query)}`);
  }

  listProblems(query: ProblemQueueQuery): Promise<Page<Problem>> {
    return this.call('GET', `/problems?${toSearchParams(query)}`);
  }

  listKnownErrors(query: KnownErrorListQuery): Promise<Page<Problem>> {
    return this.call('GET', `/known-errors?${toSearchParams(query)}`);
  }

  getProblem(id: string): Promise<Problem> {
    return this.call('GET', `/problems/${encode(id)}`);
  }

  createProblem(problem: CreateProblemRequest): Promise<Problem> {
    return this.call('POST', '/problems', problem);
  }

  updateProblem(id: string, changes: UpdateProblemRequest): Promise<Problem> {
    return this.call('PATCH', `/problems/${encode(id)}`, changes);
  }

  transitionProblem(
    id: string,
    move: ProblemTransitionRequest,
  ): Promise<Problem> {
    return this.call('POST', `/problems/${encode(id)}/transitions`, move);
  }

  publishKnownError(
    id: string,
    options: PublishKnownErrorRequest,
  ): Promise<Problem> {
    return this.call('POST', `/problems/${encode(id)}/known-error`, options);
  }

  listProblemTimeline(
    id: string,
    page: TimelineQuery = {},
  ): Promise<Page<TimelineEvent>> {
    const query = toSearchParams({ limit: 100, ...page });
    return this.call('GET', `/problems/${encode(id)}/timeline?${query}`);
  }

  addProblemNote(id: string, note: NoteRequest): Promise<TimelineEvent> {
    return this.call('POST', `/problems/${encode(id)}/notes`, note);
  }

  linkIncident(
    problemId: string,
    incidentId: string,
    options: LinkIncidentRequest,
  ): Promise<Problem> {
    return this.call(
      'POST',
      `/problems/${encode(problemId)}/incidents/${encode(incidentId)}`,
      options,
    );
  }

  unlinkIncident(problemId: string, incidentId: string): Promise<Problem> {
    return this.call(
      'DELETE',
      `/problems/${encode(problemId)}/incidents/${encode(incidentId)}`,
    );
  }

  listActionItems(
    parent: ActionItemParent,
    page: { cursor?: string } = {},
  ): Promise<Page<ActionItem>> {
    const query = toSearchParams({ ...parent, limit: 100, ...page });
    return this.call('GET', `/action-items?${query}`);
  }

  createActionItem(item: CreateActionItemRequest): Promise<ActionItem> {
    return this.call('POST', '/action-items', item);
  }

  updateActionItem(
    id: string,
    changes: UpdateActionItemRequest,
  ): Promise<ActionItem> {
    return this.call('PATCH', `/action-items/${encode(id)}`, changes);
  }

  getEntitySummary(entityRef: string): Promise<EntityItsmSummary> {
    return this.call('GET', `/entity-summary?${toSearchParams({ entityRef })}`);
  }

  listUnroutedAlerts(
    query: UnroutedAlertListQuery,
  ): Promise<Page<UnroutedAlert>> {
    return this.call('GET', `/alerts/unrouted?${toSearchParams(query)}`);
  }

  assignUnroutedAlert(
    id: string,
    entityRef: string,
  ): Promise<UnroutedAlertAssignment> {
    return this.call('POST', `/alerts/unrouted/${encode(id)}/assign`, {
      entityRef,
    });
  }

  dismissUnroutedAlert(
    id: string,
    request: DismissUnroutedAlertRequest,
  ): Promise<UnroutedAlert> {
    return this.call('POST', `/alerts/unrouted/${encode(id)}/dismiss`, request);
  }

  countUnroutedAlerts(
    query: UnroutedAlertCountQuery,
  ): Promise<UnroutedAlertCount> {
    return this.call('GET', `/alerts/unrouted/count?${toSearchParams(query)}`);
  }

  getAnalysis(query: AnalysisQuery): Promise<ReliabilityAnalysis> {
    return this.call('GET', `/analysis?${toSearchParams(query)}`);
  }

  getDoraFigures(query: AnalysisQuery): Promise<DoraFigures> {
    return this.call('GET', `/dora?${toSearchParams(query)}`);
  }

  listIncidentChanges(incidentId: string): Promise<IncidentChanges> {
    return this.call('GET', `/incidents/${encode(incidentId)}/changes`);
  }

  getProblemChanges(problemId: string): Promise<ProblemChanges> {
    return this.call('GET', `/problems/${encode(problemId)}/changes`);
  }

  listPossibleDuplicates(query: {
    entityRef: string;
    text?: string;
  }): Promise<{ items: PossibleDuplicate[] }> {
    return this.call(
      'GET',
      `/incidents/possible-duplicates?${toSearchParams(query)}`,
    );
  }

  listIncidentKnownErrors(
    incidentId: string,
  ): Promise<{ items: IncidentKnownError[] }> {
    return this.call('GET', `/incidents/${encode(incidentId)}/known-errors`);
  }

  applyKnownError(
    incidentId: string,
    request: { problemId: string; version: number },
  ): Promise<Incident> {
    return this.call(
      'POST',
      `/incidents/${encode(incidentId)}/known-error`,
      request,
    );
  }

  getStatus(): Promise<StatusPage> {
    return this.call('GET', '/status');
  }

  listUpstreamIncidents(entityRef: string): Promise<UpstreamIncidents> {
    return this.call(
      'GET',
      `/entities/upstream-incidents?${toSearchParams({ entityRef })}`,
    );
  }

  getFollow(target: ItsmFollowTarget): Promise<ItsmFollowState> {
    return this.call('GET', followPath(target));
  }

  follow(target: ItsmFollowTarget): Promise<ItsmFollowState> {
    return this.call('PUT', followPath(target));
  }

  unfollow(target: ItsmFollowTarget): Promise<ItsmFollowState> {
    return this.call('DELETE', followPath(target));
  }

  getIncidentAudience(id: string): Promise<ItsmAudience> {
    return this.call('GET', `/incidents/${encode(id)}/audience`);
  }

  private async call<T>(
    method: Method,
    path: string,
    body?: object,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('itsm');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function encode(segment: string): string {
  return encodeURIComponent(segment);
}

function followPath(target: ItsmFollowTarget): string {
  if (target.kind === 'entity') {
    const query = toSearchParams({ entityRef: target.entityRef });
    return `/entity-follows?${query}`;
  }
  return `/${target.kind}s/${encode(target.id)}/follow`;
}

function toSearchParams(query: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of [value].flat()) {
      if (item !== undefined && item !== '') {
        params.append(key, String(item));
      }
    }
  }
  return params;
}
