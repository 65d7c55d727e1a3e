import { createApiRef } from '@backstage/core-plugin-api';
import {
  AnalysisQuery,
  Incident,
  Page,
  ReliabilityAnalysis,
} from '@internal/plugin-itsm-common';

/** Filters of the incident list. */
export interface IncidentListQuery {
  entityRef?: string;
  status?: string[];
  priority?: number[];
  text?: string;
  cursor?: string;
  limit?: number;
}

/** Client of the ITSM backend. */
export interface ItsmApi {
  listIncidents(query: IncidentListQuery): Promise<Page<Incident>>;
  /** Reliability analysis of an entity, owner, system or the organisation. */
  getAnalysis(query: AnalysisQuery): Promise<ReliabilityAnalysis>;
}

/** Reference to the {@link ItsmApi}. */
export const itsmApiRef = createApiRef<ItsmApi>({ id: 'plugin.itsm.api' });
