import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AnalysisQuery,
  Incident,
  Page,
  ReliabilityAnalysis,
} from '@internal/plugin-itsm-common';
import { IncidentListQuery, ItsmApi } from './ItsmApi';

/** Talks to the ITSM backend over HTTP. */
export class ItsmClient implements ItsmApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listIncidents(query: IncidentListQuery): Promise<Page<Incident>> {
    return this.get(`/incidents?${toSearchParams(query)}`);
  }

  async getAnalysis(query: AnalysisQuery): Promise<ReliabilityAnalysis> {
    return this.get(`/analysis?${toSearchParams(query)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('itsm');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
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
