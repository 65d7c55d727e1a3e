import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ActionItem,
  AnalysisQuery,
  EntityItsmSummary,
  Incident,
  Page,
  Postmortem,
  Problem,
  ReliabilityAnalysis,
  TimelineEvent,
  UnroutedAlert,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ActionItemChanges,
  ActionItemParent,
  IncidentChanges,
  IncidentListQuery,
  IncidentTransition,
  ItsmApi,
  KnownErrorQuery,
  NewActionItem,
  NewIncident,
  NewNote,
  NewProblem,
  PostmortemDraft,
  ProblemChanges,
  ProblemListQuery,
  ProblemTransition,
} from './ItsmApi';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Talks to the ITSM backend over HTTP. */
export class ItsmClient implements ItsmApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listIncidents(query: IncidentListQuery): Promise<Page<Incident>> {
    return this.call('GET', `/incidents?${toSearchParams(query)}`);
  }

  getIncident(id: string): Promise<Incident> {
    return this.call('GET', `/incidents/${encode(id)}`);
  }

  createIncident(incident: NewIncident): Promise<Incident> {
    return this.call('POST', '/incidents', incident);
  }

  updateIncident(id: string, changes: IncidentChanges): Promise<Incident> {
    return this.call('PATCH', `/incidents/${encode(id)}`, changes);
  }

  transitionIncident(id: string, move: IncidentTransition): Promise<Incident> {
    return this.call('POST', `/incidents/${encode(id)}/transitions`, move);
  }

  listIncidentTimeline(
    id: string,
    page: { cursor?: string } = {},
  ): Promise<Page<TimelineEvent>> {
    const query = toSearchParams({ limit: 100, ...page });
    return this.call('GET', `/incidents/${encode(id)}/timeline?${query}`);
  }

  addIncidentNote(id: string, note: NewNote): Promise<TimelineEvent> {
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
    draft: PostmortemDraft,
  ): Promise<Postmortem> {
    return this.call(
      'PUT',
      `/incidents/${encode(incidentId)}/postmortem`,
      draft,
    );
  }

  createProblemFromIncident(
    incidentId: string,
    options: { holdIncident: boolean },
  ): Promise<Problem> {
    return this.call(
      'POST',
      `/incidents/${encode(incidentId)}/problem`,
      options,
    );
  }

  listProblems(query: ProblemListQuery): Promise<Page<Problem>> {
    return this.call('GET', `/problems?${toSearchParams(query)}`);
  }

  listKnownErrors(query: KnownErrorQuery): Promise<Page<Problem>> {
    return this.call('GET', `/known-errors?${toSearchParams(query)}`);
  }

  getProblem(id: string): Promise<Problem> {
    return this.call('GET', `/problems/${encode(id)}`);
  }

  createProblem(problem: NewProblem): Promise<Problem> {
    return this.call('POST', '/problems', problem);
  }

  updateProblem(id: string, changes: ProblemChanges): Promise<Problem> {
    return this.call('PATCH', `/problems/${encode(id)}`, changes);
  }

  transitionProblem(id: string, move: ProblemTransition): Promise<Problem> {
    return this.call('POST', `/problems/${encode(id)}/transitions`, move);
  }

  publishKnownError(
    id: string,
    options: { version: number; symptoms?: string },
  ): Promise<Problem> {
    return this.call('POST', `/problems/${encode(id)}/known-error`, options);
  }

  listProblemTimeline(
    id: string,
    page: { cursor?: string } = {},
  ): Promise<Page<TimelineEvent>> {
    const query = toSearchParams({ limit: 100, ...page });
    return this.call('GET', `/problems/${encode(id)}/timeline?${query}`);
  }

  addProblemNote(id: string, note: NewNote): Promise<TimelineEvent> {
    return this.call('POST', `/problems/${encode(id)}/notes`, note);
  }

  linkIncident(
    problemId: string,
    incidentId: string,
    options: { holdIncident: boolean },
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

  createActionItem(item: NewActionItem): Promise<ActionItem> {
    return this.call('POST', '/action-items', item);
  }

  updateActionItem(
    id: string,
    changes: ActionItemChanges,
  ): Promise<ActionItem> {
    return this.call('PATCH', `/action-items/${encode(id)}`, changes);
  }

  getEntitySummary(entityRef: string): Promise<EntityItsmSummary> {
    return this.call('GET', `/entity-summary?${toSearchParams({ entityRef })}`);
  }

  listUnroutedAlerts(query: {
    status?: 'pending' | 'assigned';
    cursor?: string;
    limit?: number;
  }): Promise<Page<UnroutedAlert>> {
    return this.call('GET', `/alerts/unrouted?${toSearchParams(query)}`);
  }

  assignUnroutedAlert(
    id: string,
    entityRef: string,
  ): Promise<{ alert: UnroutedAlert; incident: Incident }> {
    return this.call('POST', `/alerts/unrouted/${encode(id)}/assign`, {
      entityRef,
    });
  }

  getAnalysis(query: AnalysisQuery): Promise<ReliabilityAnalysis> {
    return this.call('GET', `/analysis?${toSearchParams(query)}`);
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
