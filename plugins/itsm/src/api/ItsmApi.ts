import { createApiRef } from '@backstage/core-plugin-api';
import { Incident, Page } from '@internal/plugin-itsm-common';

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
}

/** Reference to the {@link ItsmApi}. */
export const itsmApiRef = createApiRef<ItsmApi>({ id: 'plugin.itsm.api' });
