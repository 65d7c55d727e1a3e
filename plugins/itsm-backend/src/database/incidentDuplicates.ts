import {
  Incident,
  OPEN_INCIDENT_STATUSES,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { QueryRestriction } from './incidents';
import { incidentFromRow } from './mappers';
import { IncidentRow } from './tables';

/** Open incidents on any of the entities, newest first, at most `limit`. */
export async function openIncidentsOnEntities(
  db: Knex,
  options: {
    entityRefs: string[];
    restrict?: QueryRestriction;
    limit: number;
  },
): Promise<Incident[]> {
  const query = db<IncidentRow>('itsm_incidents')
    .select('*')
    .whereIn('entity_ref', options.entityRefs)
    .whereIn('status', [...OPEN_INCIDENT_STATUSES]);
  options.restrict?.(query);
  const rows: IncidentRow[] = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  return rows.map(incidentFromRow);
}

/** The incidents resolved as duplicates of one incident, oldest first, at most `limit`. */
export async function duplicatesOfIncident(
  db: Knex,
  options: { incidentId: string; restrict?: QueryRestriction; limit: number },
): Promise<Incident[]> {
  const query = db<IncidentRow>('itsm_incidents')
    .select('*')
    .where('duplicate_of_id', options.incidentId);
  options.restrict?.(query);
  const rows: IncidentRow[] = await query
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit);
  return rows.map(incidentFromRow);
}
